import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	ISupplyDataFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asItemError, errorItem } from '../../shared/helpers/processItems';
import { pack, runPool } from '../../shared/helpers/pool';
import { asText, compact, getRequiredText, getModelId } from '../../shared/helpers/parameters';
import { cohereApiRequest } from '../../shared/transport';
import { getBatching } from '../../shared/descriptions';
import { getNumberParameter, getOptions } from '../../shared/helpers/numbers';
import { optionsDescription, topNProperty } from './options.description';

/** Cohere ranks at most 1,000 documents per request. */
export const MAX_DOCUMENTS = 1000;

export interface RankedDocument {
	index: number;
	relevance_score: number;
}

/**
 * Ranks any number of documents: more than 1,000 are split into requests whose results are merged by score.
 * Returns the ranking over the original indices, best first, cut to `topN` (0 keeps all).
 */
export async function rankDocuments(
	this: IExecuteFunctions | ISupplyDataFunctions,
	query: string,
	documents: string[],
	topN: number,
	itemIndex: number,
): Promise<{ ranking: RankedDocument[]; responses: IDataObject[] }> {
	const options = getOptions(this, itemIndex, optionsDescription);
	const model = getModelId(this, itemIndex);
	const offsets = pack(
		documents.map((_, index) => index),
		MAX_DOCUMENTS,
	);
	const responses: IDataObject[] = new Array(offsets.length);
	const ranking: RankedDocument[] = [];
	await runPool(offsets.length, getBatching.call(this, 2).concurrency, async (chunk) => {
		const indices = offsets[chunk];
		const body = compact({
			model,
			query,
			documents: indices.map((index) => documents[index]),
			top_n: topN > 0 ? Math.min(topN, indices.length) : undefined,
			max_tokens_per_doc: options.maxTokensPerDoc,
			priority: options.priority,
		});
		const response = (await cohereApiRequest.call(this, {
			method: 'POST',
			path: '/v2/rerank',
			body: body as IDataObject,
			itemIndex,
		})) as IDataObject;
		responses[chunk] = response;
		for (const result of (response.results ?? []) as RankedDocument[]) {
			ranking.push({ index: indices[result.index], relevance_score: result.relevance_score });
		}
	});
	ranking.sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index);
	return { ranking: topN > 0 ? ranking.slice(0, topN) : ranking, responses };
}

/** One document per input item: the items come out reordered by relevance, with their other fields kept. */
export async function rerankItems(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const query = getRequiredText(this, 'query', 'Query', 0);
	const topN = getNumberParameter(this, topNProperty, 0);
	const raw = this.getNodeParameter('output', 0, 'items') === 'raw';
	const continueOnFail = this.continueOnFail();
	const failed: INodeExecutionData[] = [];
	const candidates: Array<{ itemIndex: number; text: string }> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const text = asText(this.getNodeParameter('document', itemIndex, ''));
			if (!text.trim()) {
				throw new NodeOperationError(
					this.getNode(),
					`The parameter "Document" is empty in item ${itemIndex}`,
					{ itemIndex },
				);
			}
			candidates.push({ itemIndex, text });
		} catch (error) {
			if (!continueOnFail) throw asItemError(this, error, itemIndex);
			failed.push(errorItem(asItemError(this, error, itemIndex), itemIndex));
		}
	}
	if (candidates.length === 0) return failed;
	const { ranking, responses } = await rankDocuments.call(
		this,
		query,
		candidates.map((c) => c.text),
		topN,
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

/** An array of documents in each item (e.g. a vector store's matches): one output item per ranked document. */
export async function rerankField(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const query = getRequiredText(this, 'query', 'Query', itemIndex);
	const documents = this.getNodeParameter('documentsField', itemIndex, []) as unknown;
	if (!Array.isArray(documents)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Documents" must be an array in item ${itemIndex}`,
			{
				itemIndex,
				description: 'Map it to an array field, e.g. {{ $json.documents }}.',
			},
		);
	}
	if (documents.length === 0) return [];
	const texts = documents.map(asText);
	const empty = texts.findIndex((text) => !text.trim());
	if (empty >= 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Document ${empty} of "Documents" is empty in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	const topN = getNumberParameter(this, topNProperty, itemIndex);
	const { ranking, responses } = await rankDocuments.call(this, query, texts, topN, itemIndex);
	if (this.getNodeParameter('output', itemIndex, 'items') === 'raw') {
		return [{ json: { results: ranking as unknown as IDataObject[], responses } }];
	}
	return ranking.map(({ index, relevance_score }) => ({
		json: { document: documents[index] as IDataObject, relevance_score, original_index: index },
	}));
}
