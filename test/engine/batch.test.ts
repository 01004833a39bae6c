import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { parseMultipart } from '../emulator/server';
import { listSearch, runNode } from './harness';
import { useEmulator } from './setup';
import { byId } from '../fixtures';

const ctx = useEmulator();
const fast = { pollInterval: 0.01, maxWait: 10 };

function batch(parameters: IDataObject, items?: INodeExecutionData[], continueOnFail = false) {
	return runNode({
		type: 'cohereBatch',
		parameters,
		credentials: ctx.credentials(),
		items,
		continueOnFail,
	});
}
const prompts = (...texts: string[]) => texts.map((text) => ({ json: { text } }));
const runChat = (extra: IDataObject = {}) => ({
	operation: 'runChat',
	prompt: '={{ $json.text }}',
	...extra,
	options: { ...fast, ...((extra.options as IDataObject | undefined) ?? {}) },
});
/** The dataset uploads: their query and their JSONL records. */
const uploads = () =>
	ctx.emulator.requestsTo('/v1/datasets', 'POST').map((r) => ({
		query: r.queryAll,
		filename: parseMultipart(
			r.rawBody,
			/boundary=([^;]+)/.exec(String(r.headers['content-type']))![1],
		).files.data.filename,
		records: parseMultipart(
			r.rawBody,
			/boundary=([^;]+)/.exec(String(r.headers['content-type']))![1],
		)
			.files.data.content.trim()
			.split('\n')
			.map((line) => JSON.parse(line) as IDataObject),
	}));

describe('Cohere Batch: Chat With All Items', () => {
	test('one batch-chat-v2-input dataset of exact records, one batch, answers paired to their items (Avro output)', async () => {
		const run = await batch(
			runChat({
				systemMessage: 'Answer in one word.',
				options: { temperature: 0.2, maxTokens: 50, batchName: 'tickets' },
			}),
			prompts('Café trees 🌳', 'Oceans', 'Mountains'),
		);
		expect(run.error).toBeUndefined();
		const [upload] = uploads();
		expect(upload.query).toEqual({
			name: ['tickets-input'],
			type: ['batch-chat-v2-input'],
			keep_fields: ['custom_id'],
		});
		expect(upload.filename).toBe('tickets.jsonl');
		expect(upload.records).toEqual(
			['Café trees 🌳', 'Oceans', 'Mountains'].map((text, index) => ({
				custom_id: String(index),
				body: {
					messages: [
						{ role: 'system', content: [{ type: 'text', text: 'Answer in one word.' }] },
						{ role: 'user', content: [{ type: 'text', text }] },
					],
					temperature: 0.2,
					max_tokens: 50,
				},
			})),
		);
		const [create] = ctx.emulator.requestsTo('/v2/batches', 'POST');
		expect(create.body).toEqual({
			name: 'tickets',
			input_dataset_id: expect.stringMatching(/^tickets-input-/),
			model: 'command-a-03-2025',
		});
		expect(run.items.map((item) => item.json.text)).toEqual([
			'Answer to: Café trees 🌳',
			'Answer to: Oceans',
			'Answer to: Mountains',
		]);
		expect(run.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		expect(run.items[0].json).toMatchObject({ finish_reason: 'COMPLETE' });
		// The output part was Avro, fetched without the key.
		expect(ctx.emulator.fileRequests).toHaveLength(1);
		expect(ctx.emulator.fileRequests[0].path).toMatch(/\.avro$/);
		expect(ctx.emulator.fileRequests[0].authorization).toBeUndefined();
	});

	test('the other output shape (response as JSON text of {status_code, body}, error as JSON text) reads the same', async () => {
		ctx.emulator.store.batchOutputShape = 'response';
		ctx.emulator.store.partCodec = 'snappy';
		const run = await batch(runChat(), prompts('one', 'two'));
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.text)).toEqual(['Answer to: one', 'Answer to: two']);
	});

	test('records out of order are paired by custom_id, not by position', async () => {
		ctx.emulator.store.extraBatchRecords = [];
		ctx.emulator.store.droppedBatchRecords = ['0'];
		ctx.emulator.store.extraBatchRecords = [
			{
				custom_id: '0',
				body: {
					id: 'late',
					finish_reason: 'COMPLETE',
					message: {
						role: 'assistant',
						content: [{ type: 'text', text: 'Late answer to: first' }],
					},
				},
				error: '',
			},
		];
		const run = await batch(runChat(), prompts('first', 'second'));
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.text)).toEqual([
			'Late answer to: first',
			'Answer to: second',
		]);
	});

	test('JSON output: response_format sent in every record, each answer parsed', async () => {
		const run = await batch(
			runChat({
				responseFormat: 'json_schema',
				jsonSchema: '{"type": "object", "properties": {"answer": {"type": "string"}}}',
			}),
			prompts('a', 'b'),
		);
		expect(run.error).toBeUndefined();
		expect(uploads()[0].records[0].body).toMatchObject({
			response_format: {
				type: 'json_object',
				json_schema: { type: 'object', properties: { answer: { type: 'string' } } },
			},
		});
		expect(run.items.every((item) => typeof item.json.json === 'object')).toBe(true);
	});

	test('Continue On Fail: a bad item and a record Cohere could not answer become error items; the rest go on', async () => {
		const items = prompts('good one', '', 'this will fail-record', 'good two');
		const run = await batch(runChat(), items, true);
		expect(run.error).toBeUndefined();
		// The empty prompt never reached Cohere.
		expect(uploads()[0].records.map((record) => record.custom_id)).toEqual(['0', '2', '3']);
		expect(run.items).toHaveLength(4);
		expect(run.items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(run.items[0].json.text).toBe('Answer to: good one');
		expect(run.items[1].json.error).toBe('The parameter "Prompt" is empty in item 1');
		expect(run.items[2].json).toMatchObject({
			error: expect.stringMatching(/^Cohere could not answer item 2 in batch /),
			description: 'invalid request: the record could not be processed',
		});
		expect(run.items[3].json.text).toBe('Answer to: good two');
	});

	test('without Continue On Fail: a bad item stops the node before anything is uploaded', async () => {
		const run = await batch(runChat(), prompts('fine', '   '));
		expect(run.error?.message).toBe('The parameter "Prompt" is empty in item 1');
		expect(ctx.emulator.requestsTo('/v1/datasets', 'POST')).toHaveLength(0);
	});

	test('a missing result is an error for its item, a duplicated one too: never a shifted answer', async () => {
		ctx.emulator.store.droppedBatchRecords = ['1'];
		ctx.emulator.store.extraBatchRecords = [
			{ custom_id: '2', body: { finish_reason: 'COMPLETE', message: { content: [] } }, error: '' },
		];
		const run = await batch(runChat(), prompts('a', 'b', 'c'), true);
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.text).toBe('Answer to: a');
		expect(run.items[1].json.error).toMatch(/has no result for item 1$/);
		expect(run.items[2].json).toMatchObject({
			error: expect.stringMatching(/^Cohere could not answer item 2/),
			description: 'The batch output holds 2 records for this item: none is used',
		});
	});

	test('a record for an item that was never sent makes the output unalignable: the node fails', async () => {
		ctx.emulator.store.extraBatchRecords = [
			{ custom_id: 'someone-else', body: { message: {} }, error: '' },
		];
		const run = await batch(runChat(), prompts('a'));
		expect(run.error?.message).toMatch(/does not belong to any item sent/);
		expect(run.error?.description).toMatch(/"someone-else"/);
	});

	test('a failed batch fails the node with its reason', async () => {
		const run = await batch(runChat({ options: { batchName: 'fail-job' } }), prompts('a'));
		expect(run.error?.message).toMatch(/^Batch batch-.* failed$/);
		expect(run.error?.description).toBe('the batch could not be processed');
	});

	test('Max Wait runs out: the batch is cancelled on Cohere (Cancel on Timeout), the error says so', async () => {
		ctx.emulator.store.pollsUntilComplete = 1e9;
		const run = await batch(runChat({ options: { maxWait: 1, pollInterval: 0.2 } }), prompts('a'));
		expect(run.error?.message).toMatch(/^Batch batch-.* did not finish within 1 s$/);
		expect(run.error?.description).toMatch(/The batch was cancelled/);
		const cancels = ctx.emulator.requests.filter((r) => /^\/v2\/batches\/.+:cancel$/.test(r.path));
		expect(cancels).toHaveLength(1);
	});

	test('Cancel on Timeout off: the batch is left running', async () => {
		ctx.emulator.store.pollsUntilComplete = 1e9;
		const run = await batch(
			runChat({ options: { maxWait: 1, pollInterval: 0.2, cancelOnTimeout: false } }),
			prompts('a'),
		);
		expect(run.error?.description).toMatch(/keeps running/);
		expect(ctx.emulator.requests.filter((r) => r.path.endsWith(':cancel'))).toHaveLength(0);
	});

	test('a cancelled execution cancels the batch', async () => {
		ctx.emulator.store.pollsUntilComplete = 1e9;
		const run = await runNode({
			type: 'cohereBatch',
			parameters: runChat({ options: { maxWait: 60, pollInterval: 0.05 } }),
			credentials: ctx.credentials(),
			items: prompts('a'),
			cancelAfterMs: 700,
		});
		expect(run.items).toHaveLength(0);
		// n8n ends a cancelled execution at once; the node's cancel request follows within a wait step.
		const cancels = () =>
			ctx.emulator.requests.filter((r) => /^\/v2\/batches\/.+:cancel$/.test(r.path));
		for (let waited = 0; cancels().length === 0 && waited < 3000; waited += 50)
			await new Promise((resolve) => setTimeout(resolve, 50));
		expect(cancels()).toHaveLength(1);
		const [batchRecord] = [...ctx.emulator.store.batches.values()];
		expect(batchRecord.batch.status).toBe('BATCH_STATUS_CANCELING');
	});

	test('an out-of-range option is refused naming it and the item', async () => {
		const run = await batch(runChat({ options: { temperature: 7 } }), prompts('a'));
		expect(run.error?.message).toBe(
			'The parameter "Temperature" must be a number from 0 to 2, not 7 (item 0)',
		);
	});

	test('a per-item model that differs from the first is refused (a batch has one model)', async () => {
		const run = await batch(
			runChat({ model: byId('={{ $json.model }}') }),
			[
				{ json: { text: 'a', model: 'command-a-03-2025' } },
				{ json: { text: 'b', model: 'command-r7b-12-2024' } },
			],
			true,
		);
		expect(run.items[0].json.text).toBe('Answer to: a');
		expect(run.items[1].json.error).toMatch(/gives "command-r7b-12-2024" for item 1/);
	});
});

describe('Cohere Batch: Create, Get, List, Cancel', () => {
	test('create from a dataset, get until done, read the results as records, list, cancel', async () => {
		// A request dataset as a flow would upload it (here straight to the emulator's store).
		const rows = [
			{ custom_id: 'a', body: { messages: [{ role: 'user', content: 'hello' }] } },
			{ custom_id: 'b', body: { messages: [{ role: 'user', content: 'fail-record' }] } },
		];
		ctx.emulator.store.datasets.set('requests-1', {
			dataset: {
				id: 'requests-1',
				name: 'requests',
				dataset_type: 'batch-chat-v2-input',
				validation_status: 'validated',
				created_at: new Date(0).toISOString(),
			},
			rows,
			validationPolls: 0,
		});
		const created = await batch({
			operation: 'create',
			inputDatasetId: byId('requests-1'),
			model: byId('command-a-03-2025'),
			name: 'later',
		});
		expect(created.error).toBeUndefined();
		const id = String(created.items[0].json.id);
		expect(created.items[0].json).toMatchObject({ name: 'later', status: 'BATCH_STATUS_QUEUED' });

		let status = '';
		for (let i = 0; i < 5 && status !== 'BATCH_STATUS_COMPLETED'; i++) {
			const got = await batch({ operation: 'get', batchId: byId(id) });
			status = String(got.items[0].json.status);
		}
		expect(status).toBe('BATCH_STATUS_COMPLETED');
		const results = await batch({ operation: 'get', batchId: byId(id), outputResults: true });
		expect(results.error).toBeUndefined();
		expect(results.items.map((item) => item.json)).toEqual([
			{
				custom_id: 'a',
				batch_id: id,
				response: expect.objectContaining({ finish_reason: 'COMPLETE' }),
			},
			{ custom_id: 'b', batch_id: id, error: 'invalid request: the record could not be processed' },
		]);

		const second = await batch({
			operation: 'create',
			inputDatasetId: byId('requests-1'),
			model: byId('command-a-03-2025'),
			name: 'to-cancel',
		});
		const cancelled = await batch({
			operation: 'cancel',
			batchId: byId(String(second.items[0].json.id)),
		});
		expect(cancelled.items[0].json.status).toBe('BATCH_STATUS_CANCELED');

		const listed = await batch({ operation: 'list', returnAll: true });
		expect(listed.items.map((item) => item.json.name)).toEqual(['to-cancel', 'later']);
		const limited = await batch({ operation: 'list', limit: 1 });
		expect(limited.items.map((item) => item.json.name)).toEqual(['to-cancel']);
		expect(ctx.emulator.requestsTo('/v2/batches', 'GET').at(-1)?.query).toEqual({
			page_size: '1',
			order_by: 'created_at',
		});

		const dropdown = await listSearch('cohereBatch', 'searchBatches', ctx.credentials());
		expect(dropdown.results).toEqual([
			{ name: 'to-cancel (canceled)', value: second.items[0].json.id },
			{ name: 'later (completed)', value: id },
		]);
	});

	test('Get with Output Results on a batch that is not complete says so', async () => {
		ctx.emulator.store.datasets.set('requests-2', {
			dataset: {
				id: 'requests-2',
				name: 'requests',
				dataset_type: 'batch-chat-v2-input',
				validation_status: 'validated',
				created_at: new Date(0).toISOString(),
			},
			rows: [{ custom_id: 'a', body: { messages: [{ role: 'user', content: 'x' }] } }],
			validationPolls: 0,
		});
		const created = await batch({
			operation: 'create',
			inputDatasetId: byId('requests-2'),
			model: byId('command-a-03-2025'),
			name: 'early',
		});
		const run = await batch({
			operation: 'get',
			batchId: byId(String(created.items[0].json.id)),
			outputResults: true,
		});
		expect(run.error?.message).toMatch(/has no results yet$/);
	});
});
