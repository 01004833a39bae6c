import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { BatchResult, EmbedEntry } from '../../shared/cohere/embedBatches';
import { getOptions } from '../../shared/parameters/numbers';
import { getBatching } from '../../shared/run/runNode';
import { LIMITS } from '../../shared/limits';
import { optionsDescription } from '../actions/options.description';
import {
	perItemOutput,
	planEntries,
	responseItems,
	runBatches,
} from '../../shared/cohere/embedBatches';

/** What each API form provides: how an item becomes an input, how inputs are packed, one request. */
export interface EmbedApi {
	entryReader: (this: IExecuteFunctions) => (itemIndex: number) => Promise<EmbedEntry | 'skip'>;
	/** How many images one request takes, and their total bytes (0: this form takes no images). */
	imageLimits: (this: IExecuteFunctions) => { imageBatchSize: number; maxImageBytes: number };
	send: (this: IExecuteFunctions, batch: EmbedEntry[]) => Promise<BatchResult>;
}

/**
 * Embeds the whole input at once: the texts (or images) of all items are packed into requests of at most
 * 96, the requests run concurrently, and each embedding goes back to its item.
 */
export async function embedInputs(
	this: IExecuteFunctions,
	api: EmbedApi,
): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const output = this.getNodeParameter('output', 0, 'merge') as string;
	const field = String(this.getNodeParameter('fieldName', 0, 'embedding') || 'embedding');

	const plan = await planEntries.call(this, api.entryReader.call(this));
	const { results, billedTokens } = await runBatches.call(
		this,
		plan.entries,
		{
			// Batch Size, never above Cohere's 96 inputs per request.
			textBatchSize: Math.min(
				Number(
					getOptions.call(this, 0, optionsDescription).batchSize ?? LIMITS.embedInputsPerRequest,
				),
				LIMITS.embedInputsPerRequest,
			),
			...api.imageLimits.call(this),
			concurrency: getBatching.call(this).concurrency,
		},
		(batch) => api.send.call(this, batch),
	);
	if (results.length > 0) {
		this.addExecutionHints({
			message: `Cohere billed ${billedTokens.toLocaleString('en-US')} input tokens for ${plan.entries.length} inputs in ${results.length} request${results.length === 1 ? '' : 's'}`,
			location: 'outputPane',
		});
	}

	if (output === 'raw') return responseItems(plan, results);
	return perItemOutput.call(this, plan, results, (itemIndex, value) => {
		const embedding = (value ?? null) as IDataObject[keyof IDataObject];
		const json: IDataObject =
			output === 'embeddingOnly'
				? { [field]: embedding }
				: { ...items[itemIndex].json, [field]: embedding };
		return { json, pairedItem: { item: itemIndex } };
	});
}
