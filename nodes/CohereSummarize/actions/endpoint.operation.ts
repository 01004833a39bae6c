import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { compact, getModelId, getRequiredText } from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import { MIN_SUMMARIZE_CHARACTERS, summarySettings } from '../helpers/summary';
import type { SummarizeResponse } from '../../shared/transport/responses';

export const description = updateDisplayOptions({ show: { method: ['endpoint'] } }, [
	modelLocator('searchSummarizeModels', 'command', {
		name: 'summarizeModel',
		hint: 'Cohere deprecated /v1/summarize on 2025-09-15; the Chat method works with current models. Private deployments may still serve it.',
	}),
]);

/** POST /v1/summarize, the legacy endpoint, with the documented fields. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const text = getRequiredText.call(this, 'text', 'Text', itemIndex);
	if (text.trim().length < MIN_SUMMARIZE_CHARACTERS) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Text" of item ${itemIndex} has ${text.trim().length} characters; /v1/summarize needs at least 250`,
			{
				itemIndex,
				description: 'Use the Chat method for short texts.',
			},
		);
	}
	const current = summarySettings.call(this, itemIndex);
	const auto = (value: string) => (value === 'auto' ? undefined : value);
	const response = await (cohereApiRequest<SummarizeResponse>).call(this, {
		method: 'POST',
		path: '/v1/summarize',
		body: compact({
			text,
			length: auto(current.length),
			format: auto(current.format),
			model: getModelId.call(this, itemIndex, 'summarizeModel', false) || undefined,
			extractiveness: auto(current.extractiveness),
			temperature: current.temperature,
			additional_command: current.additionalCommand || undefined,
		}),
		itemIndex,
	});
	if (!this.getNodeParameter('simplify', itemIndex, true)) return [{ json: response }];
	return [
		{
			json: compact({
				summary: response.summary as string,
				usage: response.meta?.billed_units,
			}),
		},
	];
}
