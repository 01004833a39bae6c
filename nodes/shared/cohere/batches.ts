/* Cohere's batches (`/v2/batches`): create, get, cancel, the wait until a batch ends, and its output records
 * read back and paired by custom_id. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

import { forEachDatasetRow } from './datasets';
import { pollUntil } from './poll';
import { asNodeError } from '../run/itemErrors';
import type { RequestSettings } from '../transport';
import { cohereApiRequest } from '../transport';
import type { Batch, GetBatchResponse } from '../transport/responses';

/** The statuses after which a batch changes no more (Cohere's BatchStatus). */
export const FINAL_STATUSES = [
	'BATCH_STATUS_COMPLETED',
	'BATCH_STATUS_FAILED',
	'BATCH_STATUS_CANCELED',
];

/** `POST /v2/batches`: a batch of the model over an input dataset already validated. */
export async function createBatch(
	this: IExecuteFunctions,
	batch: { name: string; inputDatasetId: string; model: string },
	itemIndex: number,
	settings?: RequestSettings,
): Promise<Batch> {
	const response = await (cohereApiRequest<GetBatchResponse>).call(this, {
		method: 'POST',
		path: '/v2/batches',
		body: { name: batch.name, input_dataset_id: batch.inputDatasetId, model: batch.model },
		itemIndex,
		settings,
	});
	return (response.batch ?? {}) as Batch;
}

export async function getBatch(
	this: IExecuteFunctions,
	id: string,
	itemIndex: number,
	settings?: RequestSettings,
): Promise<Batch> {
	const response = await (cohereApiRequest<GetBatchResponse>).call(this, {
		method: 'GET',
		path: `/v2/batches/${encodeURIComponent(id)}`,
		itemIndex,
		settings,
	});
	return (response.batch ?? {}) as Batch;
}

export async function cancelBatch(
	this: IExecuteFunctions,
	id: string,
	itemIndex: number,
	settings?: RequestSettings,
): Promise<void> {
	// Cohere's custom method form: POST /v2/batches/{id}:cancel (the colon is part of the path).
	await cohereApiRequest.call(this, {
		method: 'POST',
		path: `/v2/batches/${encodeURIComponent(id)}:cancel`,
		body: {},
		itemIndex,
		settings,
		evenIfCancelled: true,
	});
}

export interface BatchWait {
	maxWaitSeconds: number;
	firstDelayMs: number;
	cancelOnTimeout: boolean;
}

/**
 * Polls a batch until it is completed, failed or cancelled. When the execution is cancelled, or the wait runs
 * out and the user asked for it, the batch is cancelled on Cohere's side too, so that it stops costing.
 */
export async function waitForBatch(
	this: IExecuteFunctions,
	id: string,
	itemIndex: number,
	wait: BatchWait,
	settings?: RequestSettings,
): Promise<Batch> {
	try {
		return await pollUntil.call(
			this,
			async () => await getBatch.call(this, id, itemIndex, settings),
			(state) => FINAL_STATUSES.includes(String(state.status)),
			{
				maxWaitSeconds: wait.maxWaitSeconds,
				itemIndex,
				what: `Batch ${id}`,
				firstDelayMs: wait.firstDelayMs,
				getHint: () =>
					wait.cancelOnTimeout
						? 'The batch was cancelled. Raise "Max Wait", or turn "Cancel on Timeout" off and read the results later with the Get operation.'
						: 'The batch keeps running on Cohere: read its results later with the Get operation.',
			},
		);
	} catch (error) {
		const cancelled = this.getExecutionCancelSignal()?.aborted === true;
		if (cancelled || wait.cancelOnTimeout) {
			// Best effort: the error that stopped the wait is the one to report.
			await cancelBatch.call(this, id, itemIndex, settings).catch(() => undefined);
		}
		throw asNodeError.call(this, error, itemIndex);
	}
}

/** One record of a batch's output, read whatever shape it came in. */
export interface BatchResult {
	customId: string;
	/** The answer (a chat or embed response body), when the record succeeded. */
	response?: IDataObject;
	/** Why the record failed. */
	error?: string;
}

function asObject(value: unknown): IDataObject | undefined {
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		const parsed = jsonParse<unknown>(value, { fallbackValue: null });
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
			? (parsed as IDataObject)
			: undefined;
	}
	return value && typeof value === 'object' && !Array.isArray(value)
		? (value as IDataObject)
		: undefined;
}

function errorText(value: unknown): string | undefined {
	if (value === undefined || value === null) return undefined;
	if (typeof value === 'string') {
		if (!value.trim()) return undefined;
		const parsed = asObject(value);
		return parsed ? errorText(parsed) : value;
	}
	if (typeof value === 'object') {
		const object = value as IDataObject;
		const message = object.message ?? (object.error as IDataObject | undefined)?.message;
		if (typeof message === 'string' && message) return message;
		return JSON.stringify(value);
	}
	return String(value);
}

/**
 * One output record. Public code that reads Cohere's batch output shows two shapes, and either is read: the
 * answer as `body` (an object) with `error` an empty string when there is none, or the answer as `response`,
 * JSON text of `{status_code, body}`, with `error` JSON text or null. Anything else is refused by the caller.
 */
export function readBatchRecord(row: IDataObject): BatchResult | undefined {
	const customId = row.custom_id;
	if (typeof customId !== 'string' && typeof customId !== 'number') return undefined;
	const result: BatchResult = { customId: String(customId) };
	const error = errorText(row.error);
	let response = asObject(row.body ?? row.response);
	if (response && 'status_code' in response && 'body' in response) {
		const status = Number(response.status_code);
		const body = asObject(response.body);
		if (status >= 400) {
			result.error = error ?? errorText(body) ?? `Cohere answered ${status}`;
			return result;
		}
		response = body;
	}
	if (error) result.error = error;
	else if (response) result.response = response;
	else result.error = 'The record holds neither an answer nor an error';
	return result;
}

/**
 * A completed batch's results by item index (custom_id is the item's index): `expected[i]` says whether item
 * i was sent. A record for an item that was not sent, or one that cannot be read, makes the whole output
 * unalignable and is refused; a missing record is left undefined and a duplicated one becomes that item's
 * error, so that no answer is ever given to the wrong item.
 */
export async function readBatchResults(
	this: IExecuteFunctions,
	batch: Batch,
	expected: boolean[],
): Promise<Array<BatchResult | undefined>> {
	const outputId = String(batch.output_dataset_id ?? '');
	if (!outputId)
		throw new NodeOperationError(
			this.getNode(),
			`Batch ${String(batch.id)} is complete but names no output dataset`,
		);
	const results: Array<BatchResult | undefined> = new Array(expected.length);
	const seen = new Array<number>(expected.length).fill(0);
	let position = 0;
	// Each record is paired as it is read: the output is never held twice.
	await forEachDatasetRow.call(this, outputId, 0, (row) => {
		position++;
		const result = readBatchRecord(row);
		const index = result && /^\d+$/.test(result.customId) ? Number(result.customId) : -1;
		if (!result || !expected[index]) {
			throw new NodeOperationError(
				this.getNode(),
				`Record ${position} of batch ${String(batch.id)}'s output does not belong to any item sent`,
				{
					description: `Its custom_id is ${JSON.stringify(row.custom_id)}; the node sent the items' indexes. Output dataset: ${outputId}.`,
				},
			);
		}
		seen[index]++;
		results[index] =
			seen[index] === 1
				? result
				: {
						customId: result.customId,
						error: `The batch output holds ${seen[index]} records for this item: none is used`,
					};
	});
	return results;
}
