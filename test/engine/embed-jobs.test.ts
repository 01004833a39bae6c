import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { fakeEmbedding } from '../emulator/handlers/common';
import { parseMultipart } from '../emulator/server';
import { runNode } from './harness';
import { useEmulator } from './setup';
import { byId } from '../fixtures';

const ctx = useEmulator();
const fast = { pollInterval: 0.01, maxWait: 5 };

function jobs(parameters: IDataObject, items?: INodeExecutionData[], continueOnFail = false) {
	return runNode({
		type: 'cohereEmbedJobs',
		parameters,
		credentials: ctx.credentials(),
		items,
		continueOnFail,
	});
}
const uploads = () =>
	ctx.emulator.requestsTo('/v1/datasets', 'POST').map((r) => ({
		query: r.queryAll,
		file: parseMultipart(r.rawBody, /boundary=([^;]+)/.exec(String(r.headers['content-type']))![1])
			.files.data,
	}));
const file = (content: string, fileName: string, mimeType = 'application/jsonl') => ({
	data: Buffer.from(content).toString('base64'),
	mimeType,
	fileName,
});

describe('Cohere Embed Jobs: datasets', () => {
	test('from the input items: one JSONL upload with kept fields, then waiting for validation', async () => {
		ctx.emulator.store.pollsUntilValidated = 2;
		const items = ['first text', 'second text', 'third text'].map((text, i) => ({
			json: { text, url: `https://example.com/${i}`, other: 'dropped' },
		}));
		const run = await jobs(
			{
				resource: 'dataset',
				operation: 'create',
				name: 'support-tickets',
				source: 'items',
				options: { ...fast, keepFields: 'url', waitForValidation: true },
			},
			items,
		);
		expect(run.error).toBeUndefined();
		const [upload] = uploads();
		expect(upload.query).toEqual({
			name: ['support-tickets'],
			type: ['embed-input'],
			keep_fields: ['url'],
		});
		expect(upload.file.filename).toBe('items.jsonl');
		expect(
			upload.file.content
				.trim()
				.split('\n')
				.map((line) => JSON.parse(line)),
		).toEqual(items.map(({ json }) => ({ url: json.url, text: json.text })));
		expect(run.items).toHaveLength(1);
		expect(run.items[0].json).toMatchObject({
			name: 'support-tickets',
			dataset_type: 'embed-input',
			validation_status: 'validated',
		});
		expect(run.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(
			ctx.emulator.requestsTo(`/v1/datasets/${run.items[0].json.id}`, 'GET').length,
		).toBeGreaterThanOrEqual(2);
	});

	test('from binary files: JSONL and CSV (with its delimiter), one dataset per item', async () => {
		const run = await jobs(
			{
				resource: 'dataset',
				operation: 'create',
				name: '={{ $json.name }}',
				source: 'binary',
				options: { csvDelimiter: ';' },
			},
			[
				{
					json: { name: 'jsonl-file' },
					binary: { data: file('{"text": "a"}\n{"text": "b"}\n', 'rows.jsonl') },
				},
				{
					json: { name: 'csv-file' },
					binary: { data: file('text;id\nhello;1\nworld;2\n', 'rows.csv', 'text/csv') },
				},
			],
		);
		expect(run.error).toBeUndefined();
		expect(uploads().map((u) => [u.query?.name, u.file.filename, u.query?.csv_delimiter])).toEqual([
			[['jsonl-file'], 'rows.jsonl', [';']],
			[['csv-file'], 'rows.csv', [';']],
		]);
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const pdf = await jobs(
			{ resource: 'dataset', operation: 'create', name: 'x', source: 'binary' },
			[{ json: {}, binary: { data: file('%PDF', 'doc.pdf', 'application/pdf') } }],
		);
		expect(pdf.error?.message).toBe('The file "doc.pdf" of item 0 is not .jsonl, .csv or .txt');
	});

	test('a failed validation is an error with the reason; Skip Malformed Input keeps the good rows with warnings', async () => {
		const bad = file('{"text": "ok"}\nnot json\n', 'rows.jsonl');
		const failed = await jobs(
			{
				resource: 'dataset',
				operation: 'create',
				name: 'broken',
				source: 'binary',
				options: { ...fast, waitForValidation: true },
			},
			[{ json: {}, binary: { data: bad } }],
		);
		expect(failed.error?.message).toMatch(/^Cohere could not validate dataset broken-\d+$/);
		expect(failed.error?.description).toBe('line 2 is not valid JSON');
		const skipped = await jobs(
			{
				resource: 'dataset',
				operation: 'create',
				name: 'lenient',
				source: 'binary',
				options: { ...fast, waitForValidation: true, skipMalformedInput: true },
			},
			[{ json: {}, binary: { data: bad } }],
		);
		expect(skipped.items[0].json).toMatchObject({
			validation_status: 'validated',
			validation_warnings: ['line 2 is not valid JSON'],
		});
		expect(uploads()[1].query?.skip_malformed_input).toEqual(['true']);
	});

	test('an empty text among the items is refused before uploading, naming the item', async () => {
		const run = await jobs(
			{ resource: 'dataset', operation: 'create', name: 'x', source: 'items' },
			[{ json: { text: 'a' } }, { json: { text: '' } }],
		);
		expect(run.error?.message).toBe('The parameter "Text" is empty in item 1');
		expect(ctx.emulator.requests).toHaveLength(0);
	});

	test('get, list, usage and delete; a missing dataset is a 404 item with Continue On Fail', async () => {
		const created = await jobs(
			{ resource: 'dataset', operation: 'create', name: 'kept', source: 'items' },
			[{ json: { text: 'a' } }],
		);
		const id = created.items[0].json.id as string;
		const got = await jobs(
			{ resource: 'dataset', operation: 'get', datasetId: '={{ $json.id }}' },
			[{ json: { id } }, { json: { id: 'nope' } }],
			true,
		);
		expect(got.items.map((i) => i.json.name ?? i.json.description)).toEqual([
			'kept',
			'dataset with id nope not found',
		]);
		const listed = await jobs({ resource: 'dataset', operation: 'list' });
		expect(listed.items.map((i) => i.json.id)).toEqual([id]);
		const usage = await jobs({ resource: 'dataset', operation: 'getUsage' });
		expect(usage.items[0].json).toEqual({ organization_usage: 1024 });
		const deleted = await jobs({ resource: 'dataset', operation: 'delete', datasetId: id });
		expect(deleted.items[0].json).toEqual({ id, deleted: true });
		expect(ctx.emulator.requestsTo(`/v1/datasets/${id}`, 'DELETE')).toHaveLength(1);
	});
});

describe('Cohere Embed Jobs: embed jobs', () => {
	async function dataset(name: string, texts: string[]) {
		const run = await jobs(
			{ resource: 'dataset', operation: 'create', name, source: 'items' },
			texts.map((text) => ({ json: { text } })),
		);
		return run.items[0].json.id as string;
	}

	test('create, wait with backoff until complete, and emit one item per embedded row (downloads carry no key)', async () => {
		const id = await dataset('corpus', ['alpha', 'beta', 'gamma']);
		const run = await jobs({
			resource: 'embedJob',
			operation: 'create',
			datasetId: id,
			model: byId('embed-english-v3.0'),
			inputType: 'search_document',
			embeddingTypes: ['float', 'int8'],
			jobName: 'nightly',
			truncate: 'END',
			waitForCompletion: true,
			downloadResults: true,
			options: fast,
		});
		expect(run.error).toBeUndefined();
		expect(ctx.emulator.requestsTo('/v1/embed-jobs', 'POST')[0].body).toEqual({
			model: 'embed-english-v3.0',
			dataset_id: id,
			input_type: 'search_document',
			embedding_types: ['float', 'int8'],
			truncate: 'END',
			name: 'nightly',
		});
		expect(run.items.map((i) => i.json.text)).toEqual(['alpha', 'beta', 'gamma']);
		expect((run.items[0].json.embeddings as IDataObject).float).toEqual(
			fakeEmbedding('embed-english-v3.0:alpha', 1024),
		);
		expect(run.items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		expect(ctx.emulator.fileRequests).toHaveLength(1);
		expect(ctx.emulator.fileRequests[0].authorization).toBeUndefined();
		// The part is an Avro file (deflate), as Cohere serves them, written by avsc.
		expect(ctx.emulator.fileRequests[0].path).toMatch(/\.avro$/);
		expect((run.items[1].json.embeddings as IDataObject).int8).toHaveLength(1024);
		const polls = ctx.emulator.requests
			.filter((r) => /^\/v1\/embed-jobs\/job-/.test(r.path))
			.map((r) => r.receivedAt);
		expect(polls).toHaveLength(3);
		expect(polls[2] - polls[1]).toBeGreaterThanOrEqual(polls[1] - polls[0]); // backoff grows
	});

	test.each([
		['Avro with the snappy codec', 'avro', 'snappy'],
		['Avro without compression', 'avro', 'null'],
		['JSONL (a gateway)', 'jsonl', 'null'],
	] as const)('output parts as %s are read by their content', async (_, format, codec) => {
		ctx.emulator.store.partFormat = format;
		ctx.emulator.store.partCodec = codec;
		try {
			const id = await dataset('corpus', ['alpha', 'Grüße aus 東京']);
			const run = await jobs({
				resource: 'embedJob',
				operation: 'create',
				datasetId: id,
				model: byId('embed-v4.0'),
				inputType: 'search_document',
				waitForCompletion: true,
				downloadResults: true,
				options: fast,
			});
			expect(run.error).toBeUndefined();
			expect(ctx.emulator.fileRequests[0].path.endsWith(`.${format}`)).toBe(true);
			expect(run.items.map((i) => i.json.text)).toEqual(['alpha', 'Grüße aus 東京']);
			expect((run.items[1].json.embeddings as IDataObject).float).toEqual(
				fakeEmbedding('embed-v4.0:Grüße aus 東京', 1536),
			);
		} finally {
			ctx.emulator.store.partFormat = 'avro';
			ctx.emulator.store.partCodec = 'deflate';
		}
	});

	test('without waiting, the job ID comes back; get, list and cancel', async () => {
		const id = await dataset('corpus', ['alpha']);
		const created = await jobs({
			resource: 'embedJob',
			operation: 'create',
			datasetId: id,
			model: byId('embed-v4.0'),
			inputType: 'clustering',
		});
		const jobId = created.items[0].json.job_id as string;
		expect(jobId).toMatch(/^job-/);
		const cancelled = await jobs({ resource: 'embedJob', operation: 'cancel', jobId });
		expect(cancelled.items[0].json).toMatchObject({ job_id: jobId, status: 'cancelled' });
		const listed = await jobs({ resource: 'embedJob', operation: 'list' });
		expect(listed.items.map((i) => i.json.job_id)).toEqual([jobId]);
	});

	test('a failed job is an error with its reason; a job still running past Max Wait is an error', async () => {
		const failing = await dataset('fail-job-corpus', ['alpha']);
		const failed = await jobs({
			resource: 'embedJob',
			operation: 'create',
			datasetId: failing,
			model: byId('embed-v4.0'),
			inputType: 'search_document',
			waitForCompletion: true,
			options: fast,
		});
		expect(failed.error?.message).toMatch(/^Embed job job-\d+ failed$/);
		// Cohere's embed job has no field for why it failed (its spec's EmbedJob): the error says so.
		expect(failed.error?.description).toBe('No reason given');
		ctx.emulator.store.pollsUntilComplete = 1000;
		const slow = await dataset('slow', ['alpha']);
		const timedOut = await jobs({
			resource: 'embedJob',
			operation: 'create',
			datasetId: slow,
			model: byId('embed-v4.0'),
			inputType: 'search_document',
			waitForCompletion: true,
			// Max Wait is a whole number of seconds (as the field says); 0.2 is refused, 1 runs out.
			options: { pollInterval: 0.01, maxWait: 1 },
		});
		expect(timedOut.error?.message).toMatch(/^Embed job job-\d+ did not finish within 1 s$/);
		expect(timedOut.error?.description).toContain('Last status: processing');
	});

	test('a job on a dataset that is still validating, or failed validation, is refused before creating it', async () => {
		ctx.emulator.store.pollsUntilValidated = 5;
		const id = await dataset('validating', ['alpha']);
		const run = await jobs({
			resource: 'embedJob',
			operation: 'create',
			datasetId: id,
			model: byId('embed-v4.0'),
			inputType: 'search_document',
		});
		expect(run.error?.message).toBe(`Dataset ${id} is still being validated (status: processing)`);
		ctx.emulator.store.pollsUntilValidated = 0;
		const broken = await jobs(
			{ resource: 'dataset', operation: 'create', name: 'broken', source: 'binary' },
			[{ json: {}, binary: { data: file('not json\n', 'rows.jsonl') } }],
		);
		const failed = await jobs({
			resource: 'embedJob',
			operation: 'create',
			datasetId: broken.items[0].json.id,
			model: byId('embed-v4.0'),
			inputType: 'search_document',
		});
		expect(failed.error?.message).toBe(
			`Cohere could not validate dataset ${broken.items[0].json.id}`,
		);
		expect(failed.error?.description).toBe('line 1 is not valid JSON');
		expect(ctx.emulator.requestsTo('/v1/embed-jobs', 'POST')).toHaveLength(0);
	});
});
