/* /v1/datasets: upload (multipart), validation, read and delete. */
import { parseBatchRows } from './batches';
import type { EmulatorRequest, EmulatorResponse, Json } from './common';
import { ApiError, invalid, ok } from './common';
import type { Dataset, UploadedFile } from './store';
import { JobStore } from './store';

export function parseRows(
	file: UploadedFile,
	query: Record<string, string>,
): { rows: Json[]; errors: string[] } {
	const rows: Json[] = [];
	const errors: string[] = [];
	if (/\.csv$/i.test(file.filename)) {
		const delimiter = query.csv_delimiter || ',';
		const [header, ...lines] = file.content.split(/\r?\n/).filter((line) => line.trim() !== '');
		const columns = (header ?? '').split(delimiter).map((c) => c.trim());
		for (const line of lines)
			rows.push(
				Object.fromEntries(line.split(delimiter).map((value, i) => [columns[i], value.trim()])),
			);
	} else if (/\.txt$/i.test(file.filename)) {
		for (const text of file.content.split(query.text_separator || '\n'))
			if (text.trim()) rows.push({ text: text.trim() });
	} else {
		file.content.split(/\r?\n/).forEach((line, index) => {
			if (!line.trim()) return;
			try {
				rows.push(JSON.parse(line) as Json);
			} catch {
				errors.push(`line ${index + 1} is not valid JSON`);
			}
		});
	}
	rows.forEach((row, index) => {
		if (typeof row.text !== 'string' || !row.text.trim())
			errors.push(`row ${index + 1} has no "text" field`);
	});
	return { rows, errors };
}

export function datasets(req: EmulatorRequest, store: JobStore): EmulatorResponse | undefined {
	const [, , , id, sub] = req.path.split('/');
	if (req.method === 'GET' && id === 'usage')
		return ok({ organization_usage: store.datasets.size * 1024 });
	if (req.method === 'POST' && !id) {
		const { name, type } = req.query;
		if (!name) throw invalid("required 'name' param is missing or empty.");
		if (!type) throw invalid("required 'type' param is missing or empty.");
		const file = (req.body as { files?: Record<string, UploadedFile> } | undefined)?.files?.data;
		if (!file) throw invalid("required 'data' file is missing.");
		const { rows, errors } = type.startsWith('batch-')
			? parseBatchRows(file, type)
			: parseRows(file, req.query);
		const skip = req.query.skip_malformed_input === 'true';
		const keep = ([] as string[]).concat(req.queryAll?.keep_fields ?? []);
		const missingKept = keep.filter((field) => rows.some((row) => !(field in row)));
		const failed = (errors.length > 0 && !skip) || missingKept.length > 0 || rows.length === 0;
		const dataset: Dataset = {
			id: store.nextId(name),
			name,
			dataset_type: type,
			validation_status:
				store.pollsUntilValidated > 0 ? 'processing' : failed ? 'failed' : 'validated',
			created_at: new Date(0).toISOString(),
			updated_at: new Date(0).toISOString(),
			...(failed
				? {
						validation_error: missingKept.length
							? `keep_fields missing from the file: ${missingKept.join(', ')}`
							: errors.length
								? errors[0]
								: 'the file has no rows',
					}
				: {}),
			validation_warnings: skip ? errors : [],
		};
		const kept = type.startsWith('batch-')
			? rows
			: rows.filter((row) => typeof row.text === 'string' && row.text.trim());
		store.datasets.set(dataset.id, {
			dataset,
			rows: kept,
			validationPolls: store.pollsUntilValidated,
		});
		(dataset as Json).final_status = failed ? 'failed' : 'validated';
		return ok({ id: dataset.id });
	}
	if (req.method === 'GET' && !id) {
		// Cohere's filters and paging: datasetType, validationStatus, offset and limit (numbers).
		const { datasetType, validationStatus, limit, offset } = req.query;
		for (const [name, value] of Object.entries({ limit, offset }))
			if (value !== undefined && !(Number(value) >= 0 && Number.isInteger(Number(value))))
				throw invalid(`${name} must be a non-negative integer.`);
		const all = [...store.datasets.values()]
			.map(({ dataset }) => dataset)
			.filter((dataset) => !datasetType || dataset.dataset_type === datasetType)
			.filter((dataset) => !validationStatus || dataset.validation_status === validationStatus);
		const start = Number(offset ?? 0);
		const page = all.slice(start, limit === undefined ? undefined : start + Number(limit));
		return ok({ datasets: page.map(publicDataset) });
	}
	if (id && !sub) {
		const stored = store.datasets.get(id);
		if (!stored) throw new ApiError(404, `dataset with id ${id} not found`);
		if (req.method === 'GET') {
			if (stored.dataset.validation_status === 'processing' && --stored.validationPolls <= 0) {
				stored.dataset.validation_status = stored.dataset.final_status as string;
			}
			return ok({ dataset: publicDataset(stored.dataset) });
		}
		if (req.method === 'DELETE') {
			store.datasets.delete(id);
			return ok({});
		}
	}
	return undefined;
}

export function publicDataset({ final_status: _final, ...dataset }: Dataset): Json {
	return dataset;
}
