import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { RequestSettings } from '../transport';
import { cohereApiRequest, getRequestSettings } from '../transport';
import type { CreateDatasetResponse, Dataset, GetDatasetResponse } from '../transport/responses';
import type { PartBody } from './datasetParts';
import { datasetPartRows } from './datasetParts';
import { multipartBody } from '../formats/multipart';
import { pollUntil } from './poll';

/** How long to wait for a dataset's validation, and how often to look. */
export interface WaitSettings {
	maxWaitSeconds: number;
	firstDelayMs: number;
}

/** A failed validation, with Cohere's reason and the dataset's warnings. */
export function failedValidation(
	this: IExecuteFunctions,
	dataset: IDataObject,
	itemIndex: number,
): NodeOperationError {
	const warnings = (dataset.validation_warnings as string[] | undefined) ?? [];
	return new NodeOperationError(
		this.getNode(),
		`Cohere could not validate dataset ${String(dataset.id)}`,
		{
			itemIndex,
			description:
				[dataset.validation_error, ...warnings].filter(Boolean).join('; ') || 'No reason given',
		},
	);
}

export async function getDataset(
	this: IExecuteFunctions,
	id: string,
	itemIndex: number,
	settings?: RequestSettings,
): Promise<Dataset> {
	const response = await (cohereApiRequest<GetDatasetResponse>).call(this, {
		method: 'GET',
		path: `/v1/datasets/${encodeURIComponent(id)}`,
		itemIndex,
		settings,
	});
	return response.dataset as Dataset;
}

/** Polls a dataset until Cohere has validated it; a failed validation is thrown with its reasons. */
export async function waitForValidation(
	this: IExecuteFunctions,
	id: string,
	itemIndex: number,
	wait: WaitSettings,
	settings?: RequestSettings,
): Promise<Dataset> {
	const dataset = await pollUntil.call(
		this,
		async () => await getDataset.call(this, id, itemIndex, settings),
		(state) => state.validation_status !== 'processing' && state.validation_status !== 'queued',
		{
			maxWaitSeconds: wait.maxWaitSeconds,
			itemIndex,
			what: `Validation of dataset ${id}`,
			firstDelayMs: wait.firstDelayMs,
		},
	);
	if (dataset.validation_status === 'failed') throw failedValidation.call(this, dataset, itemIndex);
	return dataset;
}

export interface DatasetUpload {
	name: string;
	type: string;
	file: { filename: string; contentType: string; content: Buffer };
	keepFields?: string[];
	optionalFields?: string[];
	skipMalformedInput?: boolean;
	csvDelimiter?: string;
	textSeparator?: string;
}

/** POST /v1/datasets: one file, multipart, with the dataset's settings in the query. Answers its ID. */
export async function uploadDataset(
	this: IExecuteFunctions,
	itemIndex: number,
	upload: DatasetUpload,
	settings = getRequestSettings.call(this, itemIndex),
): Promise<string> {
	const qs: IDataObject = { name: upload.name, type: upload.type };
	if (upload.keepFields?.length) qs.keep_fields = upload.keepFields;
	if (upload.optionalFields?.length) qs.optional_fields = upload.optionalFields;
	if (upload.skipMalformedInput) qs.skip_malformed_input = true;
	if (upload.csvDelimiter) qs.csv_delimiter = upload.csvDelimiter;
	if (upload.textSeparator) qs.text_separator = upload.textSeparator;
	const created = await (cohereApiRequest<CreateDatasetResponse>).call(this, {
		method: 'POST',
		path: '/v1/datasets',
		qs,
		rawBody: multipartBody([{ field: 'data', ...upload.file }]),
		itemIndex,
		settings,
	});
	if (typeof created.id !== 'string' || !created.id) {
		throw new NodeOperationError(this.getNode(), 'Cohere created a dataset but gave no ID', {
			itemIndex,
			description: `Answer: ${JSON.stringify(created).slice(0, 300)}`,
		});
	}
	return created.id;
}

/**
 * Every row of a dataset, part after part, handed to `onRow` as it is read: a part streams in and is decoded
 * as it comes, so the rows are the only copy of the corpus held. Part URLs are signed download links on
 * another host, so they are fetched without the credential: the API key never leaves the Base URL. Cohere
 * serves parts as Avro files; a gateway may serve JSONL: each part is read by its content.
 */
export async function forEachDatasetRow(
	this: IExecuteFunctions,
	datasetId: string,
	itemIndex: number,
	onRow: (row: IDataObject) => void,
): Promise<void> {
	const settings = getRequestSettings.call(this, itemIndex);
	const dataset = await getDataset.call(this, datasetId, itemIndex, settings);
	const parts = [...(dataset.dataset_parts ?? [])].sort(
		(a, b) => Number(a.index ?? 0) - Number(b.index ?? 0),
	);
	for (const part of parts) {
		if (typeof part.url !== 'string') continue;
		const body = (await this.helpers
			.httpRequest({
				method: 'GET',
				url: part.url,
				json: false,
				encoding: 'stream',
				timeout: (settings.timeoutSeconds ?? 300) * 1000,
			})
			.catch((error: Error) => {
				throw new NodeOperationError(
					this.getNode(),
					`Could not download part "${String(part.name)}" of dataset ${datasetId}: ${error.message}`,
					{
						itemIndex,
						description:
							'Part URLs are signed links that expire: run again, or read the dataset with Get Dataset.',
					},
				);
			})) as PartBody;
		const rows = datasetPartRows(body);
		for (;;) {
			const next = await rows.next().catch((error: Error) => error);
			if (next instanceof Error)
				throw new NodeOperationError(
					this.getNode(),
					`Part "${String(part.name)}" of dataset ${datasetId} ${next.message}`,
					{
						itemIndex,
						description:
							'Output parts are read as Avro (as Cohere serves them) or JSONL; the part URLs are in the dataset (Get Dataset).',
					},
				);
			if (next.done) break;
			onRow(next.value);
		}
	}
}

/** Every row of a dataset (see forEachDatasetRow). */
export async function readDatasetRows(
	this: IExecuteFunctions,
	datasetId: string,
	itemIndex: number,
): Promise<IDataObject[]> {
	const rows: IDataObject[] = [];
	await forEachDatasetRow.call(this, datasetId, itemIndex, (row) => rows.push(row));
	return rows;
}
