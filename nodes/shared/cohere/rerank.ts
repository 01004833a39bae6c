import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	ISupplyDataFunctions,
} from 'n8n-workflow';

import { getBatching } from '../run/runNode';
import { pack, runPool } from '../run/pool';
import { compact, getModelId } from '../parameters/parameters';
import { cohereApiRequest } from '../transport';
import { getOptions } from '../parameters/numbers';
import { LIMITS } from '../limits';
import type { RerankResponse } from '../transport/responses';

export type RankedDocument = {
	index: number;
	relevance_score: number;
};

/**
 * Ranks any number of documents: more than 1,000 are split into requests whose results are merged by score.
 * Returns the ranking over the original indices, best first, without those below the Minimum Relevance Score
 * option, cut to `topN` (0 keeps all). The model and the ranking options (rankingOptions in
 * nodes/shared/options.ts) are read from the calling node's own "Model" and `optionsProperty`.
 */
export async function rankDocuments(
	this: IExecuteFunctions | ISupplyDataFunctions,
	request: { query: string; documents: string[]; topN: number; optionsProperty: INodeProperties },
	itemIndex: number,
): Promise<{ ranking: RankedDocument[]; responses: IDataObject[] }> {
	const { query, documents, topN } = request;
	const options = getOptions.call(this, itemIndex, request.optionsProperty);
	const model = getModelId.call(this, itemIndex);
	const offsets = pack(
		documents.map((_, index) => index),
		LIMITS.rerankDocumentsPerRequest,
	);
	const responses: IDataObject[] = new Array(offsets.length);
	const ranked: RankedDocument[] = [];
	await runPool(offsets.length, getBatching.call(this).concurrency, async (chunk) => {
		const indices = offsets[chunk];
		const body = compact({
			model,
			query,
			documents: indices.map((index) => documents[index]),
			top_n: topN > 0 ? Math.min(topN, indices.length) : undefined,
			max_tokens_per_doc: options.maxTokensPerDoc,
			priority: options.priority,
		});
		const response = await (cohereApiRequest<RerankResponse>).call(this, {
			method: 'POST',
			path: '/v2/rerank',
			body: body,
			itemIndex,
		});
		responses[chunk] = response;
		for (const result of (response.results ?? []) as RankedDocument[]) {
			ranked.push({ index: indices[result.index], relevance_score: result.relevance_score });
		}
	});
	ranked.sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index);
	const minimum = (options.minRelevanceScore as number | undefined) ?? 0;
	const relevant = minimum > 0 ? ranked.filter((r) => r.relevance_score >= minimum) : ranked;
	return { ranking: topN > 0 ? relevant.slice(0, topN) : relevant, responses };
}
