import { pack, runPool } from '../../shared/run/pool';
import { LIMITS } from '../../shared/limits';

export interface EmbeddingsSettings {
	/** Input type for stored texts (`search_document`) and for searches (`search_query`). */
	documentInputType: string;
	queryInputType: string;
	/** Requests in flight at once when embedding many documents. */
	concurrency: number;
}

/** Sends one request of at most 96 texts with the given input type; one vector per text, in order. */
export type EmbedRequest = (texts: string[], inputType: string) => Promise<number[][]>;

/**
 * What n8n's vector stores call on an embeddings sub-node: `embedDocuments` when inserting (documents
 * packed 96 per request, several requests at once, vectors back in the texts' order) and `embedQuery`
 * when searching. n8n's vector store code calls these two methods and nothing else; it does not need
 * LangChain's class (which a community package may not import).
 */
export class CohereEmbeddings {
	constructor(
		private readonly embed: EmbedRequest,
		private readonly settings: EmbeddingsSettings,
	) {}

	async embedDocuments(texts: string[]): Promise<number[][]> {
		const batches = pack(
			texts.map((_, index) => index),
			LIMITS.embedInputsPerRequest,
		);
		const vectors: number[][] = new Array(texts.length);
		await runPool(batches.length, this.settings.concurrency, async (batch) => {
			const indices = batches[batch];
			const answer = await this.embed(
				indices.map((index) => texts[index]),
				this.settings.documentInputType,
			);
			indices.forEach((index, position) => (vectors[index] = answer[position]));
		});
		return vectors;
	}

	async embedQuery(text: string): Promise<number[]> {
		const [vector] = await this.embed([text], this.settings.queryInputType);
		return vector;
	}
}
