import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	perItemOutput,
	planEntries,
	responseItems,
	runBatches,
} from '../../shared/cohere/embedBatches';
import {
	compact,
	getModelId,
	perItemParameter,
	requireText,
} from '../../shared/parameters/parameters';
import { cohereApiRequest, getRequestSettings } from '../../shared/transport';
import { getExamples } from '../helpers/examples';
import { modelLocator } from '../../shared/descriptions';
import { getOptions } from '../../shared/parameters/numbers';
import { optionsDescription } from './options.description';
import { getBatching } from '../../shared/run/runNode';
import type { ClassifyResponse } from '../../shared/transport/responses';
import { LIMITS } from '../../shared/limits';

export const description = updateDisplayOptions({ show: { method: ['endpoint'] } }, [
	modelLocator('searchClassifyModels', 'embed-english-v3.0', {
		name: 'classifyModel',
		hint: 'Cohere deprecated /v1/classify on 2025-09-15; the Embeddings method works with current models. Fine-tuned classifiers and private deployments may still serve it.',
	}),
]);

/** POST /v1/classify (legacy, for fine-tuned classifiers), with the inputs packed 96 per request. */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	// Checked once, before any request; the examples per label are left to Cohere (see getExamples).
	const { examples } = getExamples.call(this, false);
	const options = getOptions.call(this, 0, optionsDescription);
	const input = perItemParameter.call(this, 'input');
	const plan = await planEntries.call(this, async (itemIndex) => ({
		itemIndex,
		text: requireText.call(this, input(itemIndex), 'Input', itemIndex),
	}));
	const model = getModelId.call(this, 0, 'classifyModel', false);
	const { results } = await runBatches.call(
		this,
		plan.entries,
		{
			textBatchSize: LIMITS.classifyInputsPerRequest,
			imageBatchSize: 1,
			maxImageBytes: 0,
			concurrency: getBatching.call(this).concurrency,
		},
		async (batch) => {
			const response = await (cohereApiRequest<ClassifyResponse>).call(this, {
				method: 'POST',
				path: '/v1/classify',
				body: compact({
					inputs: batch.map((entry) => entry.text as string),
					examples,
					model: model || undefined,
					truncate: options.truncate,
				}),
				itemIndex: batch[0].itemIndex,
				settings: getRequestSettings.call(this, 0),
			});
			return {
				embeddings: (response.classifications ?? []) as unknown[],
				response,
				billedTokens: 0,
			};
		},
	);

	if (!this.getNodeParameter('simplify', 0, true)) return responseItems(plan, results);
	return perItemOutput.call(this, plan, results, (itemIndex, value) => ({
		json: value as IDataObject,
		pairedItem: { item: itemIndex },
	}));
}
