import samples from './emulator/connector-samples.json';
import { resolveTarget } from '../nodes/CohereHttpRequest/helpers/target';
import { listSearch, runNode } from './harness';
import { useEmulator } from './setup';

const ctx = useEmulator();
const sample = (title: string) =>
	(
		samples as Array<{ title: string; input: Record<string, any>; output: Record<string, any> }>
	).find((s) => s.title === title)!;

describe('Cohere List Models (cohereModels)', () => {
	test('Return All follows next_page_token and gives one item per model', async () => {
		const run = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: true, options: { pageSize: 5 } },
			credentials: ctx.credentials(),
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(24);
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

describe('model dropdowns (listSearch)', () => {
	test('follows every page, filters by what the user typed, sorts and marks deprecated and fine-tuned models', async () => {
		const generate = await listSearch('cohereModels', 'searchGenerateModels', ctx.credentials());
		expect(generate.results).toEqual([
			{ name: 'custom-model-v1 (fine-tuned)', value: 'custom-model-v1' },
			{ name: 'command (deprecated)', value: 'command' },
			{ name: 'command-light (deprecated)', value: 'command-light' },
		]);
		expect(ctx.emulator.requests[0].query).toMatchObject({ endpoint: 'generate' });
		const embed = await listSearch('cohereModels', 'searchEmbedModels', ctx.credentials(), 'MULTI');
		expect(embed.results).toEqual([
			{ name: 'embed-multilingual-v3.0', value: 'embed-multilingual-v3.0' },
		]);
	});

	test('follows next_page_token when the server pages smaller than asked, for every endpoint family', async () => {
		ctx.emulator.modelsPageCap = 4;
		// Without a filter the dropdown is paged as the editor pages it: one Cohere page per call, the
		// next_page_token handed back as the paginationToken of the next call (when the user scrolls).
		const scrollAll = async (method: string) => {
			const values: string[] = [];
			let token: string | undefined;
			do {
				const page = await listSearch('cohereModels', method, ctx.credentials(), undefined, token);
				expect(page.results.length).toBeLessThanOrEqual(4);
				values.push(...page.results.map((r) => r.value as string));
				token = page.paginationToken as string | undefined;
			} while (token);
			return values;
		};
		const scrolled = await scrollAll('searchAllModels');
		expect(scrolled).toHaveLength(24);
		expect(new Set(scrolled).size).toBe(24);
		expect(ctx.emulator.requestsTo('/v1/models').map((r) => r.query.page_token ?? null)).toEqual([
			null,
			'page-4',
			'page-8',
			'page-12',
			'page-16',
			'page-20',
		]);
		const counts: Record<string, number> = {};
		for (const family of ['Chat', 'Embed', 'Rerank', 'Classify', 'Generate', 'Summarize'])
			counts[family] = (await scrollAll(`search${family}Models`)).length;
		expect(counts).toEqual({
			Chat: 9,
			Embed: 7,
			Rerank: 5,
			Classify: 7,
			Generate: 3,
			Summarize: 2,
		});
		// A typed filter searches every page at once (the "command" models are spread over several pages).
		ctx.emulator.requests.length = 0;
		const commands = await listSearch(
			'cohereModels',
			'searchAllModels',
			ctx.credentials(),
			'command',
		);
		expect(commands.paginationToken).toBeUndefined();
		expect(ctx.emulator.requestsTo('/v1/models')).toHaveLength(6);
		expect(commands.results.every((r) => String(r.value).includes('command'))).toBe(true);
		expect(commands.results.map((r) => r.value)).toEqual(
			scrolled
				.filter((name) => name.includes('command'))
				.sort((a, b) => {
					const deprecated = (name: string) => Number(['command', 'command-light'].includes(name));
					return deprecated(a) - deprecated(b) || a.localeCompare(b);
				}),
		);
		// Cohere's own pages hold all of them: current models first (alphabetical), deprecated ones last.
		ctx.emulator.modelsPageCap = 1000;
		const all = await listSearch('cohereModels', 'searchAllModels', ctx.credentials());
		expect(all.paginationToken).toBeUndefined();
		expect(all.results).toHaveLength(24);
		expect(all.results.slice(-3).map((r) => r.value)).toEqual([
			'command',
			'command-light',
			'embed-english-v2.0',
		]);
		expect(all.results[0].value).toBe('c4ai-aya-expanse-32b');
		expect(all.results.filter((r) => r.name.endsWith('(deprecated)')).map((r) => r.value)).toEqual([
			'command',
			'command-light',
			'embed-english-v2.0',
		]);
	});
});

describe('Cohere Raw HTTP (cohereHttpRequest)', () => {
	test('the "Raw HTTP request" sample: full URL, raw JSON body, its Authorization header ignored, { status, headers, body } out', async () => {
		const { input, output } = sample('Raw HTTP request (advanced)');
		const local = await runNode({
			type: 'cohereHttpRequest',
			parameters: {
				method: input.method,
				url: `${ctx.baseUrl}/v1/classify`,
				sendHeaders: true,
				headerParameters: {
					parameters: Object.entries(input.headers).map(([name, value]) => ({ name, value })),
				},
				sendBody: true,
				specifyBody: 'json',
				jsonBody: JSON.stringify(input.body.raw),
			},
			credentials: ctx.credentials(),
		});
		const [request] = ctx.emulator.requests;
		expect(request.body).toEqual(input.body.raw);
		// The sample's own "Authorization: Bearer your-api-key-here" does not override the credential.
		expect(request.headers.authorization).toBe('Bearer test-key');
		expect(local.items[0].json).toMatchObject({ status: output.status, body: output.body });
		expect(local.items[0].json.headers).toMatchObject({
			'content-type': 'application/json',
			'x-request-id': output.headers['X-Request-ID'],
		});
	});

	test('paths, query parameters, headers and body fields', async () => {
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: {
				method: 'POST',
				url: 'v1/tokenize',
				sendQuery: true,
				queryParameters: { parameters: [{ name: 'trace', value: 'yes' }] },
				sendHeaders: true,
				headerParameters: {
					parameters: [
						{ name: 'X-Extra', value: 'a' },
						{ name: 'authorization', value: 'Bearer stolen' },
					],
				},
				sendBody: true,
				specifyBody: 'keypair',
				bodyParameters: {
					parameters: [
						{ name: 'text', value: 'hello world' },
						{ name: 'model', value: 'command' },
					],
				},
			},
			credentials: ctx.credentials(),
		});
		expect(run.error).toBeUndefined();
		const [request] = ctx.emulator.requests;
		expect(request).toMatchObject({
			method: 'POST',
			path: '/v1/tokenize',
			query: { trace: 'yes' },
			body: { text: 'hello world', model: 'command' },
		});
		expect(request.headers['x-extra']).toBe('a');
		expect(request.headers.authorization).toBe('Bearer test-key');
		expect(run.items[0].json).toMatchObject({
			status: 200,
			body: { token_strings: ['hello', ' world'] },
		});
	});

	test("full URLs: only on the Base URL origin (keyMayGoTo, the transport's rule too); Cohere's other domain is another origin", () => {
		const context = { getNode: () => ({ name: 'Cohere Raw HTTP' }) } as never;
		expect(() =>
			resolveTarget.call(context, 'https://api.cohere.ai/v1/classify', 'https://api.cohere.com', 0),
		).toThrow(
			"Refused to send the Cohere API key to https://api.cohere.ai: a full URL must be on the credential's Base URL (https://api.cohere.com)",
		);
		expect(
			resolveTarget.call(
				context,
				'https://api.cohere.com:443/v1/classify',
				'https://api.cohere.com',
				0,
			),
		).toBe('https://api.cohere.com/v1/classify');
		expect(() =>
			resolveTarget.call(context, 'https://api.cohere.com:8443/v1/x', 'https://api.cohere.com', 0),
		).toThrow('Refused');
		expect(
			resolveTarget.call(
				context,
				'https://gw.example.com/cohere/v2/chat?x=1',
				'https://gw.example.com/cohere',
				0,
			),
		).toBe('https://gw.example.com/cohere/v2/chat?x=1');
		expect(resolveTarget.call(context, 'v2/chat', 'https://api.cohere.com', 0)).toBe('/v2/chat');
		expect(() =>
			resolveTarget.call(
				context,
				'https://evil.example.com/v1/models',
				'https://api.cohere.com',
				0,
			),
		).toThrow('Refused to send the Cohere API key to https://evil.example.com');
		expect(() =>
			resolveTarget.call(context, 'http://api.cohere.com/v1/models', 'https://api.cohere.com', 0),
		).toThrow('Refused');
	});

	test('a full URL on another host is refused before anything is sent', async () => {
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: { method: 'GET', url: 'http://127.0.0.2:9/v1/models' },
			credentials: ctx.credentials(),
		});
		expect(run.error?.message).toContain(
			'Refused to send the Cohere API key to http://127.0.0.2:9',
		);
		expect(ctx.emulator.requests).toHaveLength(0);
	});

	test('"Return Error Responses as Items" turns a 4xx into an item', async () => {
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: { method: 'GET', url: '/v1/models/missing', options: { neverError: true } },
			credentials: ctx.credentials(),
		});
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({
			status: 404,
			body: { message: expect.stringContaining("model 'missing' not found") },
		});
	});

	test('invalid JSON body is refused naming the parameter and the item', async () => {
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: {
				method: 'POST',
				url: '/v2/chat',
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '{"model": ',
			},
			credentials: ctx.credentials(),
			items: [{ json: {} }, { json: {} }],
			continueOnFail: true,
		});
		expect(run.items).toHaveLength(2);
		expect(run.items[0].json.error).toContain('"JSON Body" is not valid JSON');
		expect(run.items[1].pairedItem).toEqual({ item: 1 });
		expect(ctx.emulator.requests).toHaveLength(0);
	});
});
