import type {
	IDataObject,
	ISupplyDataFunctions,
	NodeApiError,
	NodeConnectionType,
	NodeOperationError,
} from 'n8n-workflow';

import { asNodeError } from './itemErrors';

/**
 * Records one call of a sub-node (an embeddings or reranker call made by a vector store) as a run of the
 * sub-node: what it was asked and a summary of its answer (or its error) show in the editor and in the
 * execution data, as n8n's own sub-nodes do. Summaries, not vectors: 10,000 embeddings in the run data
 * would make every execution heavy to save and to open.
 */
export async function recordSubNodeRun<T>(
	this: ISupplyDataFunctions,
	connectionType: NodeConnectionType,
	input: IDataObject,
	run: () => Promise<T>,
	summarize: (result: T) => IDataObject,
): Promise<T> {
	const { index } = this.addInputData(connectionType, [[{ json: input }]]);
	let failure: NodeApiError | NodeOperationError;
	try {
		const result = await run();
		this.addOutputData(connectionType, index, [[{ json: summarize(result) }]]);
		return result;
	} catch (error) {
		failure = asNodeError.call(this, error);
	}
	this.addOutputData(connectionType, index, failure);
	throw failure;
}
