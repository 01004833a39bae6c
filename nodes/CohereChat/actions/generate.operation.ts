import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { compact, getRequiredText, getModelId } from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import { samplingOptions } from '../../shared/cohere/chat';
import { getOptions } from '../../shared/parameters/numbers';
import { optionsDescription } from './options.description';
import type { GenerateResponse } from '../../shared/transport/responses';

const show = { api: ['generate'] };

export const description = updateDisplayOptions({ show }, [
	modelLocator('searchGenerateModels', 'command', {
		name: 'generateModel',
		hint: 'Cohere deprecated /v1/generate on 2025-09-15; use the Chat (v2) API for new workflows. Private deployments may still serve it.',
	}),
	{
		displayName: 'Prompt',
		name: 'completionPrompt',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The text the model continues',
	},
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const model = getModelId.call(this, itemIndex, 'generateModel', false);

	const options = getOptions.call(this, itemIndex, optionsDescription);
	const body = compact({
		prompt: getRequiredText.call(this, 'completionPrompt', 'Prompt', itemIndex),
		model: model || undefined,
		num_generations: options.numGenerations,
		return_likelihoods: options.returnLikelihoods,
		...samplingOptions(options, 'cohere'),
	});

	const response = await (cohereApiRequest<GenerateResponse>).call(this, {
		method: 'POST',
		path: '/v1/generate',
		body: body,
		itemIndex,
	});

	if (!this.getNodeParameter('simplify', itemIndex, true)) return [{ json: response }];
	const generations = response.generations ?? [];
	return [
		{
			json: compact({
				text: generations[0]?.text,
				finish_reason: generations[0]?.finish_reason,
				generations: generations.length > 1 ? generations.map((g) => g.text as string) : undefined,
				usage: response.meta?.billed_units,
			}),
		},
	];
}
