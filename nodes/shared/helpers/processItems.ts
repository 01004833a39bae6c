import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	ISupplyDataFunctions,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';

import { batchingOptions } from '../descriptions';
import { AUTO_MAX_CONCURRENCY, runLimiter } from '../transport/limiter';
import { checkNumberFields } from './numbers';
import { runPool } from './pool';

export type ItemWorker = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

export interface ProcessItemsOptions {
	/** How many items are in flight at once. */
	concurrency?: number;
	/** With a delay, items go in batches of `concurrency`, with this pause (ms) between batches. */
	delayBetweenBatchesMs?: number;
}

/** The error item that Continue On Fail puts in place of a failed input item. */
export function errorItem(
	error: Error & { description?: string | null; httpCode?: string | null },
	itemIndex: number,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/** Any thrown value as one of n8n's node errors, keeping the class it has (API errors stay API errors). */
export function asNodeError(
	this: Pick<IExecuteFunctions, 'getNode'>,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(
		this.getNode(),
		error as Error,
		itemIndex === undefined ? {} : { itemIndex },
	);
}

/** Makes sure the error names the item and keeps n8n's error classes (API errors stay API errors). */
export function asItemError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const failure = asNodeError.call(this, error, itemIndex);
	failure.context = { ...(failure.context ?? {}), itemIndex };
	return failure;
}

/**
 * Runs `worker` for every input item with bounded concurrency. Output keeps the input order, every item
 * carries `pairedItem`, and with Continue On Fail a failing item becomes an error item while the others go on.
 */
export async function processItems(
	this: IExecuteFunctions,
	worker: ItemWorker,
	{ concurrency = 1, delayBetweenBatchesMs = 0 }: ProcessItemsOptions = {},
): Promise<INodeExecutionData[]> {
	const itemCount = this.getInputData().length;
	const results: INodeExecutionData[][] = new Array(itemCount);
	const continueOnFail = this.continueOnFail();
	// Without Continue On Fail the first failing item (in input order) stops the node.
	const failures: Array<{ index: number; error: unknown }> = [];

	// Options are checked where they are read (getBatching); a bad value reaching here is a bug, and must
	// fail loudly rather than run no item at all.
	if (!Number.isInteger(concurrency) || concurrency < 1 || !(delayBetweenBatchesMs >= 0)) {
		throw new NodeOperationError(
			this.getNode(),
			`Invalid batching: ${concurrency} concurrent requests, ${delayBetweenBatchesMs} ms between batches`,
		);
	}
	const lanes = Math.max(1, Math.min(concurrency, itemCount));
	const runOne = async (itemIndex: number) => {
		try {
			const output = await worker.call(this, itemIndex);
			results[itemIndex] = output.map((item) => ({
				...item,
				pairedItem: item.pairedItem ?? { item: itemIndex },
			}));
		} catch (error) {
			if (continueOnFail) {
				results[itemIndex] = [errorItem(asItemError.call(this, error, itemIndex), itemIndex)];
			} else {
				failures.push({ index: itemIndex, error });
			}
		}
	};

	if (delayBetweenBatchesMs > 0) {
		// Fixed batches with a pause between them: a steady pace for strict per-minute limits.
		for (let start = 0; start < itemCount && failures.length === 0; start += lanes) {
			if (start > 0) await sleep(delayBetweenBatchesMs);
			const batch = Array.from(
				{ length: Math.min(lanes, itemCount - start) },
				(_, offset) => start + offset,
			);
			await Promise.all(batch.map(runOne));
		}
	} else {
		await runPool(itemCount, lanes, runOne, () => failures.length > 0);
	}
	if (failures.length > 0) {
		const { error, index } = failures.reduce((first, failure) =>
			failure.index < first.index ? failure : first,
		);
		throw asItemError.call(this, error, index);
	}
	// Items in = items out: an item that produced nothing and no error would otherwise vanish silently.
	const missing = results.findIndex((result) => result === undefined);
	if (missing >= 0) {
		throw new NodeOperationError(this.getNode(), `Item ${missing} was not processed`, {
			itemIndex: missing,
		});
	}
	return results.flat();
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
		return await router.call(this);
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
	const options = checkNumberFields.call(
		this,
		batchingOptions(),
		(this.getNodeParameter('options', 0, {}) as IDataObject) ?? {},
		0,
	);
	const limiter = runLimiter.call(this, options.concurrency as number | undefined);
	return {
		concurrency: limiter.adaptive ? AUTO_MAX_CONCURRENCY : limiter.currentLimit,
		delayBetweenBatchesMs: (options.batchDelay as number | undefined) ?? 0,
	};
}
