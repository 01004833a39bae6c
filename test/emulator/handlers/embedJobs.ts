/* /v1/embed-jobs: create, list, get, cancel, and the output dataset of a completed job. */
import { findModel } from '../models';
import type { EmulatorRequest, EmulatorResponse, Json } from './common';
import { ApiError, apiVersion, fakeEmbedding, invalid, ok, requireModel } from './common';
import { datasets } from './datasets';
import { embed, typedEmbedding } from './embed';
import type { Dataset, EmbedJob } from './store';
import { JobStore } from './store';

export function embedJobs(req: EmulatorRequest, store: JobStore): EmulatorResponse | undefined {
	const [, , , id, action] = req.path.split('/');
	const body = (req.body ?? {}) as Json;
	if (req.method === 'POST' && !id) {
		const model = requireModel(body, 'embed');
		const input =
			typeof body.dataset_id === 'string' ? store.datasets.get(body.dataset_id) : undefined;
		if (!input) throw new ApiError(404, `dataset with id ${String(body.dataset_id)} not found`);
		if (input.dataset.validation_status !== 'validated')
			throw invalid(
				`dataset ${input.dataset.id} is not validated (status: ${input.dataset.validation_status}).`,
			);
		if (!body.input_type) throw invalid('input_type is required for embed models v3 and higher.');
		const job_id = store.nextId('job');
		store.jobs.set(job_id, {
			job_id,
			name: (body.name as string) ?? job_id,
			status: 'processing',
			created_at: new Date(0).toISOString(),
			input_dataset_id: body.dataset_id,
			model: model.name,
			truncate: (body.truncate as string) ?? 'END',
			embedding_types: (body.embedding_types as string[]) ?? ['float'],
			polls: 0,
		});
		return ok({ job_id, meta: { api_version: apiVersion('1') } });
	}
	const view = ({ polls: _polls, embedding_types: _types, ...job }: EmbedJob & { polls: number }) =>
		job;
	if (req.method === 'GET' && !id) return ok({ embed_jobs: [...store.jobs.values()].map(view) });
	if (id) {
		const job = store.jobs.get(id);
		if (!job) throw new ApiError(404, `embed job with id ${id} not found`);
		if (req.method === 'GET' && !action) {
			job.polls++;
			if (job.status === 'processing' && job.polls > store.pollsUntilComplete)
				finishJob(req, store, job);
			return ok(view(job));
		}
		if (req.method === 'POST' && action === 'cancel') {
			if (job.status === 'processing') job.status = 'cancelled';
			return ok({});
		}
	}
	return undefined;
}

/**
 * An output dataset of one part, served at /__files/<part>.<format> like Cohere's signed download links
 * (Avro or JSONL, as the store says), the way embed jobs and batches leave their results.
 */
export function storeOutputDataset(
	req: EmulatorRequest,
	store: JobStore,
	output: { id: string; name: string; type: string; rows: Json[] },
) {
	const partId = `${output.id}-part-0`;
	store.files.set(partId, output.rows);
	const extension = store.partFormat === 'avro' ? 'avro' : 'jsonl';
	const host = String(req.headers.host ?? '127.0.0.1');
	const dataset: Dataset = {
		id: output.id,
		name: output.name,
		dataset_type: output.type,
		validation_status: 'validated',
		created_at: new Date(0).toISOString(),
		updated_at: new Date(0).toISOString(),
		dataset_parts: [
			{
				id: partId,
				name: `${partId}.${extension}`,
				url: `http://${host}/__files/${partId}.${extension}`,
				index: 0,
				num_rows: output.rows.length,
			},
		],
	};
	store.datasets.set(output.id, { dataset, rows: output.rows, validationPolls: 0 });
}

/** Completes a job: an embed-result dataset with one JSONL part of {text, embeddings} rows. */
export function finishJob(
	req: EmulatorRequest,
	store: JobStore,
	job: EmbedJob & { polls: number },
) {
	const input = store.datasets.get(job.input_dataset_id as string)!;
	if (input.dataset.name.includes(store.failingName)) {
		// Cohere's EmbedJob has no field for the reason: a failed job says only that it failed.
		job.status = 'failed';
		return;
	}
	const outputId = store.nextId('embeddings');
	const types = job.embedding_types as string[];
	const rows = input.rows.map((row) => ({
		...row,
		embeddings: Object.fromEntries(
			types.map((type) => [
				type,
				typedEmbedding(
					fakeEmbedding(`${job.model}:${row.text}`, findModel(job.model)?.dimensions ?? 1024),
					type,
				),
			]),
		),
	}));
	storeOutputDataset(req, store, {
		id: outputId,
		name: `${job.name}-output`,
		type: 'embed-result',
		rows,
	});
	job.status = 'complete';
	job.output_dataset_id = outputId;
}
