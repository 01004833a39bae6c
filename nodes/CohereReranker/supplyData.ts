import type { IDataObject, ISupplyDataFunctions, SupplyData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getNumberParameter } from '../shared/parameters/numbers';
import { rankDocuments } from '../shared/cohere/rerank';
import { topNProperty } from '../shared/descriptions/options';
import { asText } from '../shared/parameters/parameters';
import { recordSubNodeRun } from '../shared/run/subNodeRuns';
import { optionsDescription } from './description';

/** A document as n8n's vector stores hand it over (LangChain's shape). */
interface StoreDocument {
	pageContent: string;
	metadata?: IDataObject;
	id?: string;
}

/** The reranker a vector store calls, each call recorded as a run of the node. */
export async function supplyReranker(
	this: ISupplyDataFunctions,
	itemIndex: number,
): Promise<SupplyData> {
	const topN = getNumberParameter.call(this, topNProperty, itemIndex);
	/**
	 * What n8n's vector stores call in load, retrieve and retrieve-as-tool modes: the documents come back
	 * best first, cut to Top N, each with its score in `metadata.relevanceScore`. More than 1,000
	 * documents are ranked in parts and merged by score, as in the Cohere Rerank node.
	 */
	const compressDocuments = async (documents: StoreDocument[], query: string) =>
		await (recordSubNodeRun<StoreDocument[]>).call(
			this,
			NodeConnectionTypes.AiReranker,
			{ query, documents: documents.length },
			async () => {
				if (documents.length === 0) return [];
				const { ranking } = await rankDocuments.call(
					this,
					{
						query,
						documents: documents.map((document) => asText(document.pageContent)),
						topN,
						optionsProperty: optionsDescription,
					},
					itemIndex,
				);
				return ranking.map(({ index, relevance_score }) => ({
					...documents[index],
					metadata: { ...(documents[index].metadata ?? {}), relevanceScore: relevance_score },
				}));
			},
			(ranked) => ({
				documents: ranked.map((document) => ({
					pageContent: document.pageContent,
					relevanceScore: document.metadata?.relevanceScore,
				})),
			}),
		);
	return { response: { compressDocuments } };
}
