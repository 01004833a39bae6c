import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	ISupplyDataFunctions,
	NodeApiError,
	NodeOperationError,
} from 'n8n-workflow';

import { batchingOptions } from '../descriptions';
import type { RequestLimiter } from '../transport/limiter';
import { AUTO_MAX_CONCURRENCY, runLimiter } from '../transport/limiter';
import { asItemError, asNodeError, errorItem } from './itemErrors';
import { checkNumberFields } from '../parameters/numbers';
import type { ProcessItemsOptions } from './processItems';

/** The batching options, checked against their declared ranges (the same for every item). */
function readBatchingOptions(this: IExecuteFunctions | ISupplyDataFunctions): IDataObject {
	return checkNumberFields.call(
		this,
		batchingOptions(),
		(this.getNodeParameter('options', 0, {}) as IDataObject) ?? {},
		0,
	);
}

/**
 * The run's request limiter, made once from the node's "Concurrent Requests" (Auto where the node has no
 * such option). The transport sends every request of the run through it, and through the key's pace: it
 * finds it by the run's context. A sub-node without batching options (the chat model) starts it here too.
 */
export function startRunLimiter(
	this: IExecuteFunctions | ISupplyDataFunctions,
	options = readBatchingOptions.call(this),
): RequestLimiter {
	return runLimiter.call(this, options.concurrency as number | undefined);
}

/** Waits shorter than this are not worth a hint. */
const HINT_AFTER_MS = 1000;

/** "1 min 5 s", "12 s". */
function duration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	const minutes = Math.floor(seconds / 60);
	return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}

/**
 * When the key's rate limit held the run back, the node says so as an execution hint (n8n shows it above
 * the output): which limit, and how long. An n8n without execution hints is told nothing.
 */
function tellPacing(this: IExecuteFunctions, limiter: RequestLimiter): void {
	const { pacedMs, pacedBy } = limiter.stats;
	if (pacedMs < HINT_AFTER_MS || typeof this.addExecutionHints !== 'function') return;
	this.addExecutionHints({
		type: 'info',
		location: 'outputPane',
		message: `Paced by Cohere's rate limit: requests waited ${duration(pacedMs)} in all (${pacedBy}). Other executions on the same key share the limit.`,
	});
}

/**
 * Runs a node's router. A failure that is not one item's (a node-wide option out of range, labelled
 * examples that could not be embedded) would, with Continue On Fail, make n8n pass the input items on
 * unchanged, as if they had been processed: here every input item becomes an error item with the reason.
 */
export async function runNode(
	this: IExecuteFunctions,
	router: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>,
): Promise<INodeExecutionData[][]> {
	let failure: NodeApiError | NodeOperationError;
	try {
		// Made here, before any operation runs, so that no request of the run can miss it.
		const limiter = startRunLimiter.call(this);
		const output = await router.call(this);
		tellPacing.call(this, limiter);
		return output;
	} catch (error) {
		failure = asNodeError.call(this, error);
	}
	if (!this.continueOnFail()) throw failure;
	return [
		this.getInputData().map((_, itemIndex) =>
			errorItem(asItemError.call(this, failure, itemIndex), itemIndex),
		),
	];
}

/**
 * Reads the batching options (the same for every item: they shape how all items are sent) and makes the
 * run's request limiter, which the transport sends every request of this run through. With Auto (0, the
 * default) the runner works on up to AUTO_MAX_CONCURRENCY items at once and the limiter decides how many
 * requests go out; a fixed number is both.
 */
export function getBatching(
	this: IExecuteFunctions | ISupplyDataFunctions,
): Required<ProcessItemsOptions> {
	const options = readBatchingOptions.call(this);
	// The one runNode made (a sub-node's run has no runNode: its first call makes it).
	const limiter = startRunLimiter.call(this, options);
	return {
		concurrency: limiter.adaptive ? AUTO_MAX_CONCURRENCY : limiter.currentLimit,
		delayBetweenBatchesMs: (options.batchDelay as number | undefined) ?? 0,
	};
}
