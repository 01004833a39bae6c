/* Cohere List Models: List (paged, limited, filtered by endpoint) and Get. */
import { runNode } from './harness';
import { useEmulator } from './setup';
import { sample } from '../fixtures';

const ctx = useEmulator();

describe('Cohere List Models (cohereModels)', () => {
	test('Return All follows next_page_token and gives one item per model', async () => {
		const run = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: true, options: { pageSize: 5 } },
			credentials: ctx.credentials(),
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(25);
		expect(ctx.emulator.requestsTo('/v1/models').map((r) => r.query.page_token ?? null)).toEqual([
			null,
			'page-5',
			'page-10',
			'page-15',
			'page-20',
		]);
		expect(run.items[0].json).toMatchObject({
			name: 'command-a-03-2025',
			endpoints: ['chat'],
			finetuned: false,
			context_length: 256000,
		});
		expect(
			run.items.every(
				(item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0,
			),
		).toBe(true);
	});

	test('Limit stops reading pages once enough models came back', async () => {
		const run = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: false, limit: 7, options: { pageSize: 5 } },
			credentials: ctx.credentials(),
		});
		expect(run.items).toHaveLength(7);
		expect(ctx.emulator.requestsTo('/v1/models')).toHaveLength(2);
	});

	test('filters by endpoint and default model', async () => {
		const run = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: true, filters: { endpoint: 'rerank' } },
			credentials: ctx.credentials(),
		});
		expect(run.items.map((i) => i.json.name)).toEqual([
			'rerank-v4.0-pro',
			'rerank-v4.0-fast',
			'rerank-v3.5',
			'rerank-english-v3.0',
			'rerank-multilingual-v3.0',
		]);
		const defaults = await runNode({
			type: 'cohereModels',
			parameters: {
				operation: 'list',
				returnAll: true,
				filters: { endpoint: 'embed', defaultOnly: true },
			},
			credentials: ctx.credentials(),
		});
		expect(defaults.items.map((i) => i.json.name)).toEqual(['embed-v4.0']);
		expect(ctx.emulator.requests[1].query).toMatchObject({
			endpoint: 'embed',
			default_only: 'true',
		});
	});

	test('the "List Models" sample maps onto the node: page_size, page_token and endpoint sent, response unchanged', async () => {
		const { input, output } = sample('List Models');
		const run = await runNode({
			type: 'cohereModels',
			parameters: {
				operation: 'list',
				returnAll: false,
				limit: input.page_size,
				filters: { endpoint: input.endpoint },
				options: { startPage: input.page_token, output: 'pages' },
			},
			credentials: ctx.credentials(),
		});
		expect(ctx.emulator.requests[0].query).toEqual({
			page_size: String(input.page_size),
			page_token: input.page_token,
			endpoint: input.endpoint,
		});
		expect(run.items.map((i) => i.json)).toEqual([output]);
	});

	test('Get returns one model; an unknown one is a 404 naming the model', async () => {
		const run = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'get', model: { __rl: true, mode: 'id', value: 'embed-v4.0' } },
			credentials: ctx.credentials(),
			items: [{ json: {} }, { json: {} }],
		});
		expect(run.items.map((i) => i.json.name)).toEqual(['embed-v4.0', 'embed-v4.0']);
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const missing = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'get', model: { __rl: true, mode: 'id', value: 'nope-1' } },
			credentials: ctx.credentials(),
		});
		expect(missing.error?.message).toContain('not found (404)');
		expect(missing.error?.description).toContain("model 'nope-1' not found");
	});

	test('Get with an empty model is refused before any request, naming the parameter', async () => {
		const run = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'get', model: { __rl: true, mode: 'id', value: ' ' } },
			credentials: ctx.credentials(),
		});
		expect(run.error?.message).toContain('"Model"');
		expect(ctx.emulator.requests).toHaveLength(0);
	});
});
