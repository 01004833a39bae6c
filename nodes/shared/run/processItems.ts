import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { asItemError, errorItem } from './itemErrors';
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
