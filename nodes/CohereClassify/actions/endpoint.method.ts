import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { planEntries, runBatches } from '../../shared/helpers/embeddingBatches';
import { errorItem } from '../../shared/helpers/processItems';
import { compact, getModelId, perItemParameter } from '../../shared/helpers/parameters';
import { cohereApiRequest, getRequestSettings } from '../../shared/transport';
import type { Example } from './examples';
import { readInput } from './inputs';

/** POST /v1/classify (legacy, for fine-tuned classifiers), with the inputs packed 96 per request. */
export async function classifyByEndpoint(
	this: IExecuteFunctions,
	examples: Example[],
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const input = perItemParameter(this, 'input');
	const plan = await planEntries.call(this, async (itemIndex) => ({
		itemIndex,
		text: readInput(this, input, itemIndex),
	}));
	const model = getModelId(this, 0, 'classifyModel', false);
	const { results } = await runBatches.call(
		this,
		plan.entries,
		{
			textBatchSize: 96,
			imageBatchSize: 1,
			maxImageBytes: 0,
			concurrency: Number(options.concurrency ?? 4),
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

	if (!this.getNodeParameter('simplify', 0, true)) {
		const raw: INodeExecutionData[] = [...plan.failed.values()];
		for (const { batch, result, error } of results) {
			if (result)
				raw.push({
					json: result.response,
					pairedItem: batch.map((entry) => ({ item: entry.itemIndex })),
				});
			else if (error) raw.push(...batch.map((entry) => errorItem(error, entry.itemIndex)));
		}
		return raw;
	}
	const byItem = new Map<number, INodeExecutionData>(plan.failed);
	for (const { batch, result, error } of results) {
		batch.forEach((entry, i) => {
			if (result)
				byItem.set(entry.itemIndex, {
					json: result.embeddings[i] as IDataObject,
					pairedItem: { item: entry.itemIndex },
				});
			else if (error) byItem.set(entry.itemIndex, errorItem(error, entry.itemIndex));
		});
	}
	return this.getInputData().map((_, itemIndex) => byItem.get(itemIndex)!);
}
