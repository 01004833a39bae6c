import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import {
	perItemOutput,
	planEntries,
	responseItems,
	runBatches,
} from '../../shared/helpers/embeddingBatches';
import { compact, getModelId, perItemParameter } from '../../shared/helpers/parameters';
import { cohereApiRequest, getRequestSettings } from '../../shared/transport';
import type { Example } from './examples';
import { readInput } from './inputs';
import { getOptions } from '../../shared/helpers/numbers';
import { optionsDescription } from './options.description';
import { getBatching } from '../../shared/helpers/processItems';

/** POST /v1/classify (legacy, for fine-tuned classifiers), with the inputs packed 96 per request. */
export async function classifyByEndpoint(
	this: IExecuteFunctions,
	examples: Example[],
): Promise<INodeExecutionData[]> {
	const options = getOptions.call(this, 0, optionsDescription);
	const input = perItemParameter.call(this, 'input');
	const plan = await planEntries.call(this, async (itemIndex) => ({
		itemIndex,
		text: readInput.call(this, input, itemIndex),
	}));
	const model = getModelId.call(this, 0, 'classifyModel', false);
	const { results } = await runBatches.call(
		this,
		plan.entries,
		{
			textBatchSize: 96,
			imageBatchSize: 1,
			maxImageBytes: 0,
			concurrency: getBatching.call(this, 4).concurrency,
		},
		async (batch) => {
			const response = (await cohereApiRequest.call(this, {
				method: 'POST',
				path: '/v1/classify',
				body: compact({
					inputs: batch.map((entry) => entry.text as string),
					examples: examples as unknown as IDataObject[],
					model: model || undefined,
					truncate: options.truncate,
				}) as IDataObject,
				itemIndex: batch[0].itemIndex,
				settings: getRequestSettings.call(this, 0),
			})) as IDataObject;
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
