import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asItemError, errorItem } from '../run/itemErrors';
import { pack, runPool } from '../run/pool';

/** What one input item contributes: a text, an image, or both as one input; nothing when it is skipped. */
export interface EmbedEntry {
	itemIndex: number;
	text?: string;
	/** Image data URI. */
	image?: string;
	/** Text and image parts embedded as one input (`inputs[].content`, Embed 4 and newer). */
	content?: IDataObject[];
	/** The bytes of its images. */
	imageBytes?: number;
}

export interface BatchResult {
	/** One embedding (a vector, or an object of vectors by type) per entry, in order. */
	embeddings: unknown[];
	response: IDataObject;
	billedTokens: number;
}

export interface EmbedPlan {
	/** Entries in input order; items that failed validation or were skipped have none. */
	entries: EmbedEntry[];
	/** Items refused before sending (Continue On Fail), by index. */
	failed: Map<number, INodeExecutionData>;
	skipped: Set<number>;
}

export interface BatchSettings {
	textBatchSize: number;
	imageBatchSize: number;
	maxImageBytes: number;
	concurrency: number;
}

/**
 * Reads one entry per input item with `read`; an item that cannot be embedded fails before anything is
 * sent (as an error item with Continue On Fail), naming the item.
 */
export async function planEntries(
	this: IExecuteFunctions,
	read: (itemIndex: number) => Promise<EmbedEntry | 'skip'>,
): Promise<EmbedPlan> {
	const plan: EmbedPlan = { entries: [], failed: new Map(), skipped: new Set() };
	const continueOnFail = this.continueOnFail();
	for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
		try {
			const entry = await read(itemIndex);
			if (entry === 'skip') plan.skipped.add(itemIndex);
			else plan.entries.push(entry);
		} catch (error) {
			const itemError = asItemError.call(this, error, itemIndex);
			if (!continueOnFail) throw itemError;
			plan.failed.set(itemIndex, errorItem(itemError, itemIndex));
		}
	}
	return plan;
}

/**
 * Packs the entries into requests (texts, images and mixed inputs apart, each within Cohere's limits), sends them with
 * bounded concurrency, and hands every embedding back to the entry it belongs to.
 */
export async function runBatches(
	this: IExecuteFunctions,
	entries: EmbedEntry[],
	settings: BatchSettings,
	send: (batch: EmbedEntry[]) => Promise<BatchResult>,
): Promise<{
	results: Array<{ batch: EmbedEntry[]; result?: BatchResult; error?: Error }>;
	billedTokens: number;
}> {
	// A request holds texts, images or mixed inputs, never two of them.
	const texts = entries.filter((entry) => entry.image === undefined && !entry.content);
	const images = entries.filter((entry) => entry.image !== undefined);
	const mixed = entries.filter((entry) => entry.content !== undefined);
	const bytes = (entry: EmbedEntry) => entry.imageBytes ?? 0;
	const batches = [
		...pack(texts, settings.textBatchSize),
		...pack(images, settings.imageBatchSize, bytes, settings.maxImageBytes),
		...pack(mixed, settings.textBatchSize, bytes, settings.maxImageBytes),
	];
	const results: BatchOutcome[] = batches.map((batch) => ({ batch }));
	const continueOnFail = this.continueOnFail();
	let stop = false;
	await runPool(
		batches.length,
		settings.concurrency,
		async (index) => {
			try {
				const result = await send(batches[index]);
				if (result.embeddings.length !== batches[index].length) {
					throw new NodeOperationError(
						this.getNode(),
						`Cohere returned ${result.embeddings.length} embeddings for ${batches[index].length} inputs`,
						{
							itemIndex: batches[index][0].itemIndex,
						},
					);
				}
				results[index].result = result;
			} catch (error) {
				results[index].error = asItemError.call(this, error, batches[index][0].itemIndex);
				if (!continueOnFail) stop = true;
			}
		},
		() => stop,
	);
	const failedBatch = results.find((entry) => entry.error);
	if (failedBatch && !continueOnFail) throw failedBatch.error;
	const billedTokens = results.reduce((sum, entry) => sum + (entry.result?.billedTokens ?? 0), 0);
	return { results, billedTokens };
}

export type BatchOutcome = { batch: EmbedEntry[]; result?: BatchResult; error?: Error };

/** Raw output: one item per request, paired to the items it carried; error items for what failed. */
export function responseItems(plan: EmbedPlan, results: BatchOutcome[]): INodeExecutionData[] {
	const items: INodeExecutionData[] = [...plan.failed.values()];
	for (const { batch, result, error } of results) {
		if (result)
			items.push({
				json: result.response,
				pairedItem: batch.map((entry) => ({ item: entry.itemIndex })),
			});
		else if (error) items.push(...batch.map((entry) => errorItem(error, entry.itemIndex)));
	}
	return items;
}

/**
 * One output item per input item, in input order: `toItem` gets the value the API returned for the item
 * (undefined for a skipped one); refused items and items of failed requests become error items.
 */
export function perItemOutput(
	this: IExecuteFunctions,
	plan: EmbedPlan,
	results: BatchOutcome[],
	toItem: (itemIndex: number, value: unknown) => INodeExecutionData,
): INodeExecutionData[] {
	const values = new Map<number, unknown>();
	const failures = new Map<number, INodeExecutionData>(plan.failed);
	for (const { batch, result, error } of results) {
		batch.forEach((entry, index) => {
			if (result) values.set(entry.itemIndex, result.embeddings[index]);
			else if (error) failures.set(entry.itemIndex, errorItem(error, entry.itemIndex));
		});
	}
	return this.getInputData().map(
		(_, itemIndex) => failures.get(itemIndex) ?? toItem(itemIndex, values.get(itemIndex)),
	);
}
