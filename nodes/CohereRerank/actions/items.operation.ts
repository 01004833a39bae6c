import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { asItemError, errorItem } from '../../shared/run/itemErrors';
import { getRequiredText, requireText } from '../../shared/parameters/parameters';
import { getNumberParameter } from '../../shared/parameters/numbers';
import { rankDocuments } from '../../shared/cohere/rerank';
import { optionsDescription, topNProperty } from './options.description';

/** Documents From → Input Items: one document per item, ranked together. */
export const description = updateDisplayOptions({ show: { source: ['items'] } }, [
	{
		displayName: 'Document',
		name: 'document',
		type: 'string',
		default: '={{ $json.text }}',
		description: 'The text of each item to rank (objects are sent as JSON)',
	},
]);

/** One document per input item: the items come out reordered by relevance, with their other fields kept. */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const query = getRequiredText.call(this, 'query', 'Query', 0);
	const topN = getNumberParameter.call(this, topNProperty, 0);
	const raw = this.getNodeParameter('output', 0, 'items') === 'raw';
	const continueOnFail = this.continueOnFail();
	const failed: INodeExecutionData[] = [];
	const candidates: Array<{ itemIndex: number; text: string }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const text = requireText.call(
				this,
				this.getNodeParameter('document', itemIndex, ''),
				'Document',
				itemIndex,
			);
			candidates.push({ itemIndex, text });
		} catch (error) {
			if (!continueOnFail) throw asItemError.call(this, error, itemIndex);
			failed.push(errorItem(asItemError.call(this, error, itemIndex), itemIndex));
		}
	}
	if (candidates.length === 0) return failed;
	const { ranking, responses } = await rankDocuments.call(
		this,
		{ query, documents: candidates.map((c) => c.text), topN, optionsProperty: optionsDescription },
		0,
	);
	if (raw) {
		const results = ranking.map((r) => ({
			index: candidates[r.index].itemIndex,
			relevance_score: r.relevance_score,
		}));
		return [
			...failed,
			{ json: { results, responses }, pairedItem: candidates.map((c) => ({ item: c.itemIndex })) },
		];
	}
	return [
		...failed,
		...ranking.map(({ index, relevance_score }) => {
			const { itemIndex } = candidates[index];
			return {
				json: { ...items[itemIndex].json, relevance_score, original_index: itemIndex },
				pairedItem: { item: itemIndex },
			};
		}),
	];
}
