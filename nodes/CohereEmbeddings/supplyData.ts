import type { ISupplyDataFunctions, SupplyData } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestFloatEmbeddings } from '../shared/cohere/embed';
import { getOptions } from '../shared/parameters/numbers';
import { getModelId } from '../shared/parameters/parameters';
import { recordSubNodeRun } from '../shared/run/subNodeRuns';
import { getRequestSettings } from '../shared/transport';
import { CohereEmbeddings as CohereEmbeddingsClient } from './helpers/embeddings';
import { getBatching } from '../shared/run/runNode';
import { optionsDescription } from './description';

/** The embeddings client a vector store calls: documents and queries with their own input types, each call recorded as a run of the node. */
export async function supplyEmbeddings(
	this: ISupplyDataFunctions,
	itemIndex: number,
): Promise<SupplyData> {
	const options = getOptions.call(this, itemIndex, optionsDescription);
	const model = getModelId.call(this, itemIndex);
	const settings = getRequestSettings.call(this, itemIndex);
	const embed = async (texts: string[], inputType: string) =>
		(
			await requestFloatEmbeddings.call(this, {
				model,
				inputType,
				texts,
				truncate: options.truncate as string | undefined,
				outputDimension: options.outputDimension ? Number(options.outputDimension) : undefined,
				maxTokens: options.maxTokens as number | undefined,
				priority: options.priority as number | undefined,
				settings,
			})
		).vectors;
	const client = new CohereEmbeddingsClient(embed, {
		documentInputType: (options.documentInputType as string | undefined) ?? 'search_document',
		queryInputType: (options.queryInputType as string | undefined) ?? 'search_query',
		concurrency: getBatching.call(this).concurrency,
	});
	const dimensions = (vectors: number[][]) => vectors[0]?.length ?? 0;
	// What the vector store calls, recorded as runs of this node.
	const response = {
		embedDocuments: async (texts: string[]) =>
			await (recordSubNodeRun<number[][]>).call(
				this,
				NodeConnectionTypes.AiEmbedding,
				{ documents: texts.length },
				async () => await client.embedDocuments(texts),
				(vectors) => ({ embeddings: vectors.length, dimensions: dimensions(vectors) }),
			),
		embedQuery: async (query: string) =>
			await (recordSubNodeRun<number[]>).call(
				this,
				NodeConnectionTypes.AiEmbedding,
				{ query },
				async () => await client.embedQuery(query),
				(vector) => ({ dimensions: vector.length }),
			),
	};
	return { response };
}
