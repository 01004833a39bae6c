/* /v2/batches: create, list, get, cancel, and every record run through its endpoint's own handler. */
import { chatV2 } from './chat';
import type { EmulatorRequest, EmulatorResponse, Json } from './common';
import { ApiError, invalid, ok, requireModel } from './common';
import { datasets } from './datasets';
import { embed } from './embed';
import { storeOutputDataset } from './embedJobs';
import type { StoredBatch, UploadedFile } from './store';
import { JobStore } from './store';

export const BATCH_INPUT_TYPES = [
	'batch-chat-v2-input',
	'batch-embed-v2-input',
	'batch-openai-chat-input',
];
export const FINAL_BATCH_STATUSES = [
	'BATCH_STATUS_COMPLETED',
	'BATCH_STATUS_FAILED',
	'BATCH_STATUS_CANCELED',
];

/**
 * The rows of a batch input dataset: JSONL of {custom_id, body}. Each row needs a custom_id (kept with
 * keep_fields=custom_id), unique, and a body for its endpoint: chat v2 messages, or embed texts (embed batch
 * records reject output_dimension, as public batch clients found).
 */
export function parseBatchRows(
	file: UploadedFile,
	type: string,
): { rows: Json[]; errors: string[] } {
	const rows: Json[] = [];
	const errors: string[] = [];
	const ids = new Set<string>();
	file.content.split(/\r?\n/).forEach((line, index) => {
		if (!line.trim()) return;
		let row: Json;
		try {
			row = JSON.parse(line) as Json;
		} catch {
			errors.push(`line ${index + 1} is not valid JSON`);
			return;
		}
		rows.push(row);
		const where = `line ${index + 1}`;
		if (typeof row.custom_id !== 'string' || !row.custom_id)
			errors.push(`${where} has no custom_id`);
		else if (ids.has(row.custom_id)) errors.push(`${where} repeats custom_id ${row.custom_id}`);
		else ids.add(row.custom_id);
		const body = row.body as Json | undefined;
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			errors.push(`${where} has no body object`);
			return;
		}
		if ('model' in body) errors.push(`${where}: the model is set on the batch, not in its records`);
		if (type === 'batch-chat-v2-input' && (!Array.isArray(body.messages) || !body.messages.length))
			errors.push(`${where}: body.messages must not be empty`);
		if (type === 'batch-embed-v2-input') {
			if (!Array.isArray(body.texts) || !body.texts.length)
				errors.push(`${where}: body.texts must not be empty`);
			if ('output_dimension' in body)
				errors.push(`${where}: output_dimension is not supported in batch records`);
		}
	});
	return { rows, errors };
}

export function batchView({ batch }: StoredBatch): Json {
	return batch;
}

export function batches(req: EmulatorRequest, store: JobStore): EmulatorResponse | undefined {
	const rest = req.path.slice('/v2/batches'.length).replace(/^\//, '');
	const [id, action] = rest ? decodeURIComponent(rest).split(':') : [undefined, undefined];
	const body = (req.body ?? {}) as Json;
	if (req.method === 'POST' && !id) {
		for (const field of ['name', 'input_dataset_id', 'model'])
			if (typeof body[field] !== 'string' || !body[field]) throw invalid(`${field} is required`);
		const input = store.datasets.get(body.input_dataset_id as string);
		if (!input) throw new ApiError(404, `dataset ${String(body.input_dataset_id)} not found`);
		const type = input.dataset.dataset_type;
		if (!BATCH_INPUT_TYPES.includes(type))
			throw invalid(`dataset ${input.dataset.id} of type ${type} cannot be used for a batch`);
		if (input.dataset.validation_status !== 'validated')
			throw invalid(`dataset ${input.dataset.id} is not validated`);
		requireModel(body, type === 'batch-embed-v2-input' ? 'embed' : 'chat');
		const now = new Date(0).toISOString();
		const stored: StoredBatch = {
			batch: {
				id: `batch-${store.nextId('b')}`,
				name: body.name as string,
				creator_id: 'owner-emulator',
				org_id: 'org-emulator',
				status: 'BATCH_STATUS_QUEUED',
				created_at: now,
				updated_at: now,
				input_dataset_id: input.dataset.id,
				input_tokens: '0',
				output_tokens: '0',
				model: body.model as string,
				num_records: input.rows.length,
				num_successful_records: 0,
				num_failed_records: 0,
			},
			polls: 0,
		};
		store.batches.set(stored.batch.id, stored);
		return ok({ batch: batchView(stored) });
	}
	if (req.method === 'GET' && !id) {
		const { page_size, page_token, order_by } = req.query;
		if (page_size !== undefined && !(Number.isInteger(Number(page_size)) && Number(page_size) >= 0))
			throw invalid('page_size must be an integer');
		if (order_by !== undefined && !['created_at', 'updated_at'].includes(order_by))
			throw invalid('order_by must be created_at or updated_at');
		const size = Math.min(Number(page_size) || 50, 1000);
		const start = page_token ? Number(page_token) : 0;
		if (!Number.isInteger(start) || start < 0) throw invalid('invalid page_token');
		// Newest first: the emulator's IDs grow with time.
		const all = [...store.batches.values()].reverse();
		const page = all.slice(start, start + size);
		return ok({
			batches: page.map(batchView),
			...(start + size < all.length ? { next_page_token: String(start + size) } : {}),
		});
	}
	if (!id) return undefined;
	const stored = store.batches.get(id);
	if (!stored) throw new ApiError(404, `batch ${id} not found`);
	const { batch } = stored;
	if (req.method === 'GET' && action === undefined) {
		stored.polls++;
		if (batch.status === 'BATCH_STATUS_CANCELING') batch.status = 'BATCH_STATUS_CANCELED';
		else if (batch.status === 'BATCH_STATUS_QUEUED') batch.status = 'BATCH_STATUS_IN_PROGRESS';
		else if (batch.status === 'BATCH_STATUS_IN_PROGRESS' && stored.polls > store.pollsUntilComplete)
			finishBatch(req, store, stored);
		return ok({ batch: batchView(stored) });
	}
	if (req.method === 'POST' && action === 'cancel') {
		if (!FINAL_BATCH_STATUSES.includes(batch.status)) batch.status = 'BATCH_STATUS_CANCELING';
		return ok({});
	}
	return undefined;
}

/** Runs every record through the endpoint's own handler and writes the output dataset (one Avro part). */
export function finishBatch(req: EmulatorRequest, store: JobStore, stored: StoredBatch) {
	const { batch } = stored;
	const input = store.datasets.get(batch.input_dataset_id as string)!;
	if (input.dataset.name.includes(store.failingName)) {
		batch.status = 'BATCH_STATUS_FAILED';
		batch.status_reason = 'the batch could not be processed';
		return;
	}
	const embeds = input.dataset.dataset_type === 'batch-embed-v2-input';
	let succeeded = 0;
	let inputTokens = 0;
	let outputTokens = 0;
	const records: Json[] = [];
	for (const row of input.rows) {
		const customId = row.custom_id as string;
		if (store.droppedBatchRecords.includes(customId)) continue;
		const requestBody = { ...(row.body as Json), model: batch.model };
		let response: Json | undefined;
		let error: string | undefined;
		try {
			if (JSON.stringify(requestBody).includes(store.failingRecordText))
				throw invalid('the record could not be processed');
			response = (embeds ? embed(requestBody, 2) : chatV2(requestBody)).body as Json;
		} catch (failure) {
			if (!(failure instanceof ApiError)) throw failure;
			error = failure.message;
		}
		if (response) {
			succeeded++;
			const usage = (response.usage ?? (response.meta as Json | undefined)) as Json | undefined;
			const billed = (usage?.billed_units ?? {}) as Json;
			inputTokens += Number(billed.input_tokens ?? 0);
			outputTokens += Number(billed.output_tokens ?? 0);
		}
		records.push(
			store.batchOutputShape === 'body'
				? { custom_id: customId, body: response ?? null, error: error ?? '' }
				: {
						custom_id: customId,
						response: response ? JSON.stringify({ status_code: 200, body: response }) : null,
						error: error ? JSON.stringify({ message: error }) : null,
					},
		);
	}
	records.push(...store.extraBatchRecords);
	const outputId = store.nextId(`${batch.name}-output`);
	storeOutputDataset(req, store, {
		id: outputId,
		name: `${batch.name}-output`,
		// The spec's DatasetType has no type for a batch's output (see test/contract/README.md).
		type: input.dataset.dataset_type,
		rows: records,
	});
	Object.assign(batch, {
		status: 'BATCH_STATUS_COMPLETED',
		output_dataset_id: outputId,
		num_successful_records: succeeded,
		num_failed_records: input.rows.length - succeeded,
		input_tokens: String(inputTokens),
		output_tokens: String(outputTokens),
	});
}
