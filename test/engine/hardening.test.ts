/* Hostile but fair input: the key stays on its host, no silent wrong result, every bad input refused with a
 * clear error that names the parameter (and the item), never a crash, a hang or a silent default. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { normalizeBaseUrl } from '../../nodes/shared/transport';
import { redactSecret } from '../../nodes/shared/transport/redact';
import { listSearch, runNode, testCredential } from './harness';
import { useEmulator } from './setup';

const ctx = useEmulator();
const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const texts = (...list: string[]): INodeExecutionData[] => list.map((text) => ({ json: { text } }));

/** Another host: records every request with its headers, answers what `reply` says (JSON 200 by default). */
class ForeignServer {
	readonly requests: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
	reply: { status: number; type: string; body: string } = {
		status: 200,
		type: 'application/json',
		body: '{"valid": true, "models": []}',
	};
	private server?: Server;
	url = '';

	async start(host = '127.0.0.2'): Promise<void> {
		this.server = createServer((req, res) => {
			this.requests.push({ url: req.url ?? '', headers: req.headers });
			res.writeHead(this.reply.status, { 'content-type': this.reply.type });
			res.end(this.reply.body);
		});
		await new Promise<void>((resolve) => this.server!.listen(0, host, resolve));
		this.url = `http://${host}:${(this.server.address() as AddressInfo).port}`;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}
}

const foreign = new ForeignServer();
const otherPort = new ForeignServer();
beforeAll(async () => {
	await foreign.start('127.0.0.2');
	await otherPort.start('127.0.0.1');
});
afterAll(async () => {
	await foreign.stop();
	await otherPort.stop();
});
beforeEach(() => {
	foreign.requests.length = 0;
	otherPort.requests.length = 0;
	foreign.reply = { status: 200, type: 'application/json', body: '{"valid": true, "models": []}' };
});

const checkKey = (options: IDataObject = {}, extra: IDataObject = {}) => ({
	type: 'cohereHttpRequest',
	parameters: { method: 'POST', url: '/v1/check-api-key', sendBody: false, options, ...extra },
});

describe('the API key never leaves the Base URL origin', () => {
	const targets = () => [
		['another host', `${foreign.url}/v1/check-api-key`, foreign.url],
		['another port', `${otherPort.url}/v1/check-api-key`, otherPort.url],
		['a protocol-relative URL', `//${foreign.url.slice('http://'.length)}/v1/x`, foreign.url],
	];

	test.each([301, 302, 303, 307, 308])(
		'a %i to another origin is refused naming both origins, and nothing reaches it',
		async (status) => {
			for (const [, location, origin] of targets()) {
				ctx.emulator.reset();
				ctx.emulator.addFault({ path: '/v1/check-api-key', status, headers: { location } });
				const run = await runNode({ ...checkKey(), credentials: ctx.credentials() });
				expect(run.items).toEqual([]);
				expect(run.error?.message).toBe(
					`${ctx.baseUrl} redirected the request to ${origin} (HTTP ${status}): not followed, because the API key is only sent to the credential's Base URL`,
				);
				expect(run.error?.description).toContain(`set it as the Base URL`);
			}
			expect(foreign.requests).toEqual([]);
			expect(otherPort.requests).toEqual([]);
		},
	);

	test('a redirect within the origin is followed, with the key, and the item comes through', async () => {
		ctx.emulator.addFault({
			path: '/v1/check-api-key',
			status: 308,
			headers: { location: '/v1/check-api-key?moved=1' },
		});
		const run = await runNode({ ...checkKey(), credentials: ctx.credentials() });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ status: 200, body: { valid: true } });
		const requests = ctx.emulator.requestsTo('/v1/check-api-key');
		expect(requests.map((r) => [r.method, r.query, r.headers.authorization])).toEqual([
			['POST', {}, 'Bearer test-key'],
			['POST', { moved: '1' }, 'Bearer test-key'],
		]);
	});

	test('Chat with Continue On Fail: every item is an error item naming both hosts; the other host sees nothing', async () => {
		ctx.emulator.addFault({
			path: '/v2/chat',
			status: 307,
			times: Infinity,
			headers: { location: `${foreign.url}/v2/chat` },
		});
		const run = await runNode({
			type: 'cohereChat',
			parameters: { api: 'v2', model: byId('command-a-03-2025'), prompt: '={{ $json.text }}' },
			credentials: ctx.credentials(),
			items: texts('a', 'b', 'c'),
			continueOnFail: true,
		});
		expect(
			run.items.map((i) => [String(i.json.error).includes(foreign.url), i.pairedItem]),
		).toEqual([
			[true, { item: 0 }],
			[true, { item: 1 }],
			[true, { item: 2 }],
		]);
		expect(foreign.requests).toEqual([]);
	});

	test('the model dropdown does not follow a redirect to another host', async () => {
		ctx.emulator.addFault({
			path: '/v1/models',
			status: 302,
			headers: { location: `${foreign.url}/v1/models` },
		});
		await expect(listSearch('cohereChat', 'searchChatModels', ctx.credentials())).rejects.toThrow(
			`Could not load the models: ${ctx.baseUrl} redirected the request to ${foreign.url}`,
		);
		expect(foreign.requests).toEqual([]);
	});

	test('the credential test does not follow a redirect: it says to use the target as the Base URL', async () => {
		ctx.emulator.addFault({
			path: '/v1/models',
			status: 301,
			headers: { location: `${foreign.url}/v1/models` },
		});
		const result = await testCredential(ctx.credentials());
		expect(result).toEqual({
			status: 'Error',
			message:
				'The Base URL redirects elsewhere (301). The API key is only sent to the Base URL itself: set the Base URL to the address it redirects to.',
		});
		expect(foreign.requests).toEqual([]);
	});
});

describe('the key is redacted from whatever the server sends back', () => {
	test.each(['json', 'text'] as const)(
		'an error echoing the request (%s) carries *** instead of the key, with and without Continue On Fail',
		async (echo) => {
			for (const continueOnFail of [false, true]) {
				ctx.emulator.reset();
				ctx.emulator.addFault({ path: '/v1/check-api-key', status: 400, echo, times: Infinity });
				const run = await runNode({
					...checkKey(),
					credentials: ctx.credentials(),
					items: [{ json: {} }, { json: {} }],
					continueOnFail,
				});
				const everything = JSON.stringify({ error: run.error, items: run.items, run: run.run });
				expect(everything).not.toContain('test-key');
				expect(everything).toContain('Bearer ***');
			}
		},
	);

	test('"Return Error Responses as Items" output is redacted too (body and headers)', async () => {
		ctx.emulator.addFault({ path: '/v1/check-api-key', status: 400, echo: 'json' });
		const run = await runNode({
			...checkKey({ neverError: true }),
			credentials: ctx.credentials(),
		});
		expect(run.items[0].json).toMatchObject({
			status: 400,
			headers: { 'x-echo': 'Bearer ***' },
			body: { message: 'bad request, you sent Authorization: Bearer ***' },
		});
		expect(JSON.stringify(run.items)).not.toContain('test-key');
	});

	test('redaction: nested, encoded, in keys; short keys are left alone', () => {
		const key = 'sk-a/b+c=d';
		expect(
			redactSecret({ a: [`x ${key} y`, { [key]: encodeURIComponent(key) }], n: 1, z: null }, key),
		).toEqual({ a: ['x *** y', { '***': '***' }], n: 1, z: null });
		expect(redactSecret('abc abc', 'abc')).toBe('abc abc');
	});
});

/** Every node that reads the shared options, with parameters that would otherwise succeed. */
const nodes: Array<{
	name: string;
	type: string;
	parameters: IDataObject;
	items?: INodeExecutionData[];
}> = [
	{
		name: 'Chat',
		type: 'cohereChat',
		parameters: { api: 'v2', model: byId('command-a-03-2025'), prompt: '={{ $json.text }}' },
	},
	{
		name: 'Tokenize',
		type: 'cohereTokenize',
		parameters: { operation: 'tokenize', model: byId('command'), text: '={{ $json.text }}' },
	},
	{
		name: 'Summarize',
		type: 'cohereSummarize',
		parameters: { method: 'chat', text: '={{ $json.text }}' },
	},
	{ name: 'Embed', type: 'cohereEmbed', parameters: { api: 'cohere', model: byId('embed-v4.0') } },
	{
		name: 'Rerank',
		type: 'cohereRerank',
		parameters: { model: byId('rerank-v3.5'), query: 'apples' },
	},
	{
		name: 'Raw HTTP',
		type: 'cohereHttpRequest',
		parameters: { method: 'POST', url: '/v1/check-api-key', sendBody: false },
	},
	{ name: 'List Models', type: 'cohereModels', parameters: { operation: 'list', returnAll: true } },
	{
		name: 'Embed Jobs (List)',
		type: 'cohereEmbedJobs',
		parameters: { resource: 'embedJob', operation: 'list' },
	},
	{
		name: 'Classify',
		type: 'cohereClassify',
		parameters: {
			method: 'embeddings',
			model: byId('embed-v4.0'),
			examplesSource: 'json',
			examplesJson: JSON.stringify([
				{ text: 'red apples', label: 'fruit' },
				{ text: 'green pears', label: 'fruit' },
				{ text: 'a blue car', label: 'vehicle' },
				{ text: 'a fast truck', label: 'vehicle' },
			]),
		},
	},
];

const badOptions: Array<[string, IDataObject, RegExp]> = [
	[
		'Timeout -1',
		{ timeout: -1 },
		/^The parameter "Timeout \(Seconds\)" must be a whole number from 1 to 86400, not -1/,
	],
	['Timeout 0', { timeout: 0 }, /"Timeout \(Seconds\)" must be .* not 0/],
	['Timeout 2,147,484', { timeout: 2147484 }, /"Timeout \(Seconds\)" must be .* not 2147484/],
	['Timeout NaN', { timeout: Number.NaN }, /"Timeout \(Seconds\)" must be .* not NaN/],
	[
		'Max Retries 1e9',
		{ maxRetries: 1e9 },
		/"Max Retries" must be a whole number from 0 to 10, not 1000000000/,
	],
	['Max Retries 1.5', { maxRetries: 1.5 }, /"Max Retries" must be .* not 1.5/],
	['Timeout as an object', { timeout: { s: 1 } }, /"Timeout \(Seconds\)" must be .* not \{"s":1\}/],
];
const badBatching: Array<[string, IDataObject, RegExp]> = [
	[
		'Concurrent Requests NaN with a delay',
		{ concurrency: Number.NaN, batchDelay: 10 },
		/"Concurrent Requests" must be a whole number from 0 to 64, not NaN/,
	],
	['Concurrent Requests -1', { concurrency: -1 }, /"Concurrent Requests" must be .* not -1/],
	['Concurrent Requests 2.5', { concurrency: 2.5 }, /"Concurrent Requests" must be .* not 2.5/],
	['Concurrent Requests 65', { concurrency: 65 }, /"Concurrent Requests" must be .* not 65/],
	[
		'Delay Between Batches -5',
		{ batchDelay: -5 },
		/"Delay Between Batches \(Milliseconds\)" must be .* not -5/,
	],
];
const batchingNodes = new Set([
	'Chat',
	'Tokenize',
	'Summarize',
	'Embed',
	'Rerank',
	'Raw HTTP',
	'Classify',
]);

describe('numeric options: refused naming the option, items in = items out, nothing sent', () => {
	const cases = nodes.flatMap((node) =>
		[...badOptions, ...(batchingNodes.has(node.name) ? badBatching : [])]
			.filter(([, options]) => !('batchDelay' in options) || node.name !== 'Embed')
			.filter(([, options]) => !('batchDelay' in options) || node.name !== 'Rerank')
			.filter(([, options]) => !('batchDelay' in options) || node.name !== 'Classify')
			.map(([label, options, message]) => [node.name, label, node, options, message] as const),
	);

	test.each(cases)('%s, %s', async (_name, _label, node, options, message) => {
		const items = node.items ?? texts('red apples', 'green pears', 'bananas');
		const stopped = await runNode({
			type: node.type,
			parameters: { ...node.parameters, options },
			credentials: ctx.credentials(),
			items,
		});
		expect(stopped.error?.message).toMatch(message);
		expect(stopped.items).toEqual([]);

		const continued = await runNode({
			type: node.type,
			parameters: { ...node.parameters, options },
			credentials: ctx.credentials(),
			items,
			continueOnFail: true,
		});
		expect(continued.items).toHaveLength(items.length);
		continued.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(String(item.json.error)).toMatch(message);
		});
		expect(ctx.emulator.requests).toEqual([]);
	});

	test('every node runs with its options at their limits (the ranges are not too strict)', async () => {
		for (const node of nodes) {
			ctx.emulator.reset();
			const run = await runNode({
				type: node.type,
				parameters: {
					...node.parameters,
					options: {
						timeout: 86400,
						maxRetries: 10,
						...(batchingNodes.has(node.name) ? { concurrency: '64' } : {}),
					},
				},
				credentials: ctx.credentials(),
				items: texts('red apples', 'green pears'),
			});
			expect([node.name, run.error?.message]).toEqual([node.name, undefined]);
			expect(ctx.emulator.requests.length).toBeGreaterThan(0);
		}
	});

	test('a hanging server with Timeout 1 fails after about 1 s, on an operation other than Create too', async () => {
		ctx.emulator.addFault({ path: '/v1/embed-jobs', kind: 'hang' });
		const started = Date.now();
		const run = await runNode({
			type: 'cohereEmbedJobs',
			parameters: { resource: 'embedJob', operation: 'list', options: { timeout: 1 } },
			credentials: ctx.credentials(),
		});
		expect(run.error?.message).toBe(
			'Cohere did not answer within 1 s: raise the Timeout option or send less per request',
		);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('Max Retries 10 against a server that always answers 503 ends (retries are bounded)', async () => {
		ctx.emulator.addFault({
			path: '/v1/check-api-key',
			status: 503,
			times: Infinity,
			headers: { 'retry-after-ms': '1' },
		});
		const run = await runNode({ ...checkKey({ maxRetries: 10 }), credentials: ctx.credentials() });
		expect(run.error?.description).toContain('(gave up after 11 attempts)');
		expect(ctx.emulator.requestsTo('/v1/check-api-key')).toHaveLength(11);
	});

	test('Summarize Max Part Size 0 or negative is refused at once, not after blocking the event loop', async () => {
		for (const maxPartCharacters of [0, -5]) {
			const started = Date.now();
			const run = await runNode({
				type: 'cohereSummarize',
				parameters: { method: 'chat', text: 'x'.repeat(5000), options: { maxPartCharacters } },
				credentials: ctx.credentials(),
			});
			expect(run.error?.message).toMatch(
				new RegExp(
					`^The parameter "Max Part Size \\(Characters\\)" must be a whole number of at least 1000, not ${maxPartCharacters}`,
				),
			);
			expect(Date.now() - started).toBeLessThan(2000);
		}
	});

	test('Chat Temperature NaN, Top N -1 and Limit 0 are refused naming them', async () => {
		const chat = await runNode({
			type: 'cohereChat',
			parameters: { ...nodes[0].parameters, options: { temperature: Number.NaN } },
			credentials: ctx.credentials(),
			items: texts('hi'),
		});
		expect(chat.error?.message).toMatch(
			/^The parameter "Temperature" must be a number from 0 to 2, not NaN \(item 0\)$/,
		);
		const rerank = await runNode({
			type: 'cohereRerank',
			parameters: { model: byId('rerank-v3.5'), query: 'apples', topN: -1 },
			credentials: ctx.credentials(),
			items: texts('a', 'b'),
		});
		expect(rerank.error?.message).toMatch(
			/^The parameter "Top N" must be a whole number of at least 0, not -1/,
		);
		const models = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: false, limit: 0 },
			credentials: ctx.credentials(),
		});
		expect(models.error?.message).toMatch(
			/^The parameter "Limit" must be a whole number of at least 1, not 0/,
		);
		expect(ctx.emulator.requests).toEqual([]);
	});
});

describe('sizes: 0 items, empty and whitespace, 5 MB, 10,000 items', () => {
	test.each(nodes.map((node) => [node.name, node] as const))(
		'%s with 0 input items: nothing sent, no item, no error',
		async (_name, node) => {
			const run = await runNode({
				type: node.type,
				parameters: node.parameters,
				credentials: ctx.credentials(),
				items: [],
			});
			expect(run.error).toBeUndefined();
			expect(run.items).toEqual([]);
			expect(ctx.emulator.requests).toEqual([]);
		},
	);

	test.each([
		['Chat', 'Prompt'],
		['Tokenize', 'Text'],
		['Summarize', 'Text'],
	])(
		'%s: an empty or whitespace %s is refused naming it and the item; the other items go through',
		async (name, label) => {
			const node = nodes.find((n) => n.name === name)!;
			const run = await runNode({
				type: node.type,
				parameters: node.parameters,
				credentials: ctx.credentials(),
				items: texts('fine', '', '  \n\t '),
				continueOnFail: true,
			});
			expect(run.items.map((i) => [i.json.error, i.pairedItem])).toEqual([
				[undefined, { item: 0 }],
				[`The parameter "${label}" is empty in item 1`, { item: 1 }],
				[`The parameter "${label}" is empty in item 2`, { item: 2 }],
			]);
		},
	);

	test('5 MB: Tokenize refuses it before sending (65,536 characters); Chat sends it exactly', async () => {
		const big = 'word '.repeat(1024 * 1024);
		const tokenize = await runNode({
			type: 'cohereTokenize',
			parameters: nodes[1].parameters,
			credentials: ctx.credentials(),
			items: texts(big),
		});
		expect(tokenize.error?.message).toBe(
			'The parameter "Text" of item 0 has 5,242,880 characters; Cohere tokenizes at most 65,536',
		);
		expect(ctx.emulator.requests).toEqual([]);
		const chat = await runNode({
			type: 'cohereChat',
			parameters: nodes[0].parameters,
			credentials: ctx.credentials(),
			items: texts(big),
		});
		expect(chat.error).toBeUndefined();
		expect((ctx.emulator.requestsTo('/v2/chat')[0].body as any).messages).toEqual([
			{ role: 'user', content: big },
		]);
	});

	test('10,000 items: Tokenize (64 at a time, a 5xx burst) and Embed (105 requests) keep every item, in order, paired', async () => {
		const many = Array.from({ length: 10_000 }, (_, i) => ({ json: { text: `text ${i}` } }));
		ctx.emulator.addFault({ path: '/v1/tokenize', status: 500, after: 5000, times: 20 });
		const tokenize = await runNode({
			type: 'cohereTokenize',
			parameters: { ...nodes[1].parameters, options: { concurrency: 64, maxRetries: 0 } },
			credentials: ctx.credentials(),
			items: many,
			continueOnFail: true,
		});
		expect(tokenize.items).toHaveLength(10_000);
		tokenize.items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		const failed = tokenize.items.filter((item) => item.json.error !== undefined);
		expect(failed).toHaveLength(20);
		for (const item of failed)
			expect(item.json.error).toBe('Cohere service problem (500): try again later');
		expect(ctx.emulator.requestsTo('/v1/tokenize')).toHaveLength(10_000);

		ctx.emulator.reset();
		const embed = await runNode({
			type: 'cohereEmbed',
			parameters: nodes[3].parameters,
			credentials: ctx.credentials(),
			items: many,
		});
		expect(embed.error).toBeUndefined();
		expect(embed.items).toHaveLength(10_000);
		embed.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.text).toBe(`text ${i}`);
			expect(Array.isArray(item.json.embedding)).toBe(true);
		});
		expect(ctx.emulator.requestsTo('/v2/embed')).toHaveLength(105);
	}, 60_000);
});

describe('values sent as they are meant, or refused', () => {
	const object = { subject: 'Hello', body: 'World' };

	test('an object in Chat Prompt, Summarize Text and Tokenize Text is sent as JSON, not "[object Object]"', async () => {
		const items = [{ json: { value: object } }];
		await runNode({
			type: 'cohereChat',
			parameters: { api: 'v2', model: byId('command-a-03-2025'), prompt: '={{ $json.value }}' },
			credentials: ctx.credentials(),
			items,
		});
		await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'tokenize', model: byId('command'), text: '={{ $json.value }}' },
			credentials: ctx.credentials(),
			items,
		});
		await runNode({
			type: 'cohereSummarize',
			parameters: { method: 'chat', text: '={{ $json.value }}' },
			credentials: ctx.credentials(),
			items,
		});
		const json = JSON.stringify(object);
		expect((ctx.emulator.requestsTo('/v2/chat')[0].body as any).messages).toEqual([
			{ role: 'user', content: json },
		]);
		expect((ctx.emulator.requestsTo('/v1/tokenize')[0].body as any).text).toBe(json);
		const summaryPrompt = JSON.stringify(ctx.emulator.requestsTo('/v2/chat')[1].body);
		expect(summaryPrompt).toContain(JSON.stringify(json).slice(1, -1));
		expect(JSON.stringify(ctx.emulator.requests.map((r) => r.body))).not.toContain(
			'[object Object]',
		);
	});

	test('numbers and booleans are sent as text', async () => {
		await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'tokenize', model: byId('command'), text: '={{ 42 }}' },
			credentials: ctx.credentials(),
		});
		expect((ctx.emulator.requestsTo('/v1/tokenize')[0].body as any).text).toBe('42');
	});

	test.each([
		['[null, true, ""]', [null, true, ''], 'Token 1 of "IDs" in item 0 is not a token ID: null'],
		['[1, true]', [1, true], 'Token 2 of "IDs" in item 0 is not a token ID: true'],
		['"1, x"', '1, x', 'Token 2 of "IDs" in item 0 is not a token ID: x'],
		['[1.5]', [1.5], 'Token 1 of "IDs" in item 0 is not a token ID: 1.5'],
		['[{}]', [{}], 'Token 1 of "IDs" in item 0 is not a token ID: {}'],
	])('Detokenize IDs %s are refused naming the item', async (_label, ids, message) => {
		const run = await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'detokenize', model: byId('command'), ids: '={{ $json.ids }}' },
			credentials: ctx.credentials(),
			items: [{ json: { ids } }],
		});
		expect(run.error?.message).toBe(message);
		expect(ctx.emulator.requests).toEqual([]);
	});

	test('Detokenize IDs as numbers or digit strings are sent as numbers', async () => {
		const run = await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'detokenize', model: byId('command'), ids: '={{ $json.ids }}' },
			credentials: ctx.credentials(),
			items: [{ json: { ids: [10002, '2261'] } }, { json: { ids: '10002, 2261' } }],
		});
		expect(run.error).toBeUndefined();
		expect(ctx.emulator.requestsTo('/v1/detokenize').map((r) => (r.body as any).tokens)).toEqual([
			[10002, 2261],
			[10002, 2261],
		]);
	});

	test.each([
		['[null]', [null], 'Document 1 of "Documents" in item 0 is null: give a text or an object'],
		[
			'["a", [1]]',
			['a', [1]],
			'Document 2 of "Documents" in item 0 is an array: give a text or an object',
		],
	])('Chat Documents %s are refused', async (_label, documents, message) => {
		const run = await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'v2',
				model: byId('command-a-03-2025'),
				prompt: 'Sum up',
				documents: JSON.stringify(documents),
			},
			credentials: ctx.credentials(),
		});
		expect(run.error?.message).toBe(message);
		expect(ctx.emulator.requests).toEqual([]);
	});

	test('Chat Documents [1, true, "x"] are sent as texts', async () => {
		await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'v2',
				model: byId('command-a-03-2025'),
				prompt: 'Sum up',
				documents: '[1, true, "x"]',
			},
			credentials: ctx.credentials(),
		});
		expect((ctx.emulator.requestsTo('/v2/chat')[0].body as any).documents).toEqual([
			'1',
			'true',
			'x',
		]);
	});
});

describe('IDs never walk the API', () => {
	test.each([
		['Get Dataset', { resource: 'dataset', operation: 'get' }, 'datasetId', 'Dataset'],
		['Delete Dataset', { resource: 'dataset', operation: 'delete' }, 'datasetId', 'Dataset'],
		['Get Embed Job', { resource: 'embedJob', operation: 'get' }, 'jobId', 'Embed Job'],
		['Cancel Embed Job', { resource: 'embedJob', operation: 'cancel' }, 'jobId', 'Embed Job'],
	])(
		'%s: ".", ".." and "" are refused, nothing is sent',
		async (_name, parameters, field, label) => {
			for (const [id, message] of [
				['.', `The parameter "${label}" is not a valid ID (".") in item 0`],
				['..', `The parameter "${label}" is not a valid ID ("..") in item 0`],
				['  ', `The parameter "${label}" is empty in item 0`],
			]) {
				const run = await runNode({
					type: 'cohereEmbedJobs',
					parameters: { ...parameters, [field]: id },
					credentials: ctx.credentials(),
				});
				expect(run.error?.message).toBe(message);
			}
			expect(ctx.emulator.requests).toEqual([]);
		},
	);

	test('List Models Get "..": refused; an ID with a slash is one encoded segment', async () => {
		const dots = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'get', model: byId('..') },
			credentials: ctx.credentials(),
		});
		expect(dots.error?.message).toBe('The parameter "Model" is not a valid ID ("..") in item 0');
		expect(ctx.emulator.requests).toEqual([]);
		await runNode({
			type: 'cohereEmbedJobs',
			parameters: { resource: 'dataset', operation: 'get', datasetId: 'a/../b' },
			credentials: ctx.credentials(),
		});
		expect(ctx.emulator.requests.map((r) => r.path)).toEqual(['/v1/datasets/a%2F..%2Fb']);
	});
});

describe('clear errors for a bad Raw HTTP path or header and a bad Base URL', () => {
	test.each([
		['a missing field', '={{ $json.missing }}', 'The parameter "Path or URL" is empty in item 0'],
		['null', '={{ null }}', 'The parameter "Path or URL" is empty in item 0'],
		['a number', '={{ 42 }}', 'The parameter "Path or URL" is a number, not a text in item 0'],
		[
			'an object',
			'={{ { a: 1 } }}',
			'The parameter "Path or URL" is a object, not a text in item 0',
		],
	])('Raw HTTP "Path or URL" mapped to %s', async (_label, url, message) => {
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: { method: 'GET', url },
			credentials: ctx.credentials(),
		});
		expect(run.error?.message).toBe(message);
		expect(ctx.emulator.requests).toEqual([]);
	});

	test.each([
		['X-Trace: 1', '1', 'The header name "X-Trace: 1" is not valid (item 0)'],
		['X-A\r\nX-B', '1', 'The header name "X-A\\n\\nX-B" is not valid (item 0)'],
		['X-Ok', 'a\r\nInjected: 1', 'The value of header "X-Ok" contains a line break (item 0)'],
	])('Raw HTTP header %j is refused naming it', async (name, value, message) => {
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: {
				method: 'GET',
				url: '/v1/models',
				sendHeaders: true,
				headerParameters: { parameters: [{ name, value }] },
			},
			credentials: ctx.credentials(),
		});
		expect(run.error?.message).toBe(message);
		expect(ctx.emulator.requests).toEqual([]);
	});

	test('a Base URL without a scheme is taken as https; one that is no URL is refused saying so', async () => {
		expect(normalizeBaseUrl('api.cohere.com')).toBe('https://api.cohere.com');
		expect(normalizeBaseUrl('gw.example.com/cohere/v1/')).toBe('https://gw.example.com/cohere');
		expect(normalizeBaseUrl('http://127.0.0.1:8787/')).toBe('http://127.0.0.1:8787');
		const run = await runNode({
			...checkKey(),
			credentials: ctx.credentials({ baseUrl: 'not a url' }),
		});
		expect(run.error?.message).toBe(
			'The Base URL in the Cohere credential is not a valid http(s) URL: "not a url"',
		);
	});
});

describe('errors that name the cause: a plain-HTTP server, a binary property without data', () => {
	test('a Base URL without a scheme pointing at a plain-HTTP server: it does not speak HTTPS, use http://', async () => {
		const hostAndPort = ctx.baseUrl.replace(/^http:\/\//, '');
		const run = await runNode({
			...checkKey({ maxRetries: 0 }),
			credentials: ctx.credentials({ baseUrl: hostAndPort }),
		});
		expect(run.error?.message).toBe(
			`The server at https://${hostAndPort} does not speak HTTPS: if it is a plain-HTTP server (a local gateway or proxy), start the Base URL with http://`,
		);
	});

	test.each([
		[
			'Cohere Chat (images)',
			'cohereChat',
			{ prompt: 'What is this?', images: 'photo' },
			'Image Binary Properties',
		],
		['Cohere Transcribe', 'cohereTranscribe', {}, 'Input Binary Field'],
		[
			'Cohere Embed Jobs (dataset from a file)',
			'cohereEmbedJobs',
			{
				resource: 'dataset',
				operation: 'create',
				source: 'binary',
				name: 'rows',
				binaryProperty: 'photo',
			},
			'Binary Property',
		],
	])(
		'%s: a binary entry without data (a Code node can make one) is refused naming the item and the property',
		async (_, type, parameters, label) => {
			const property = type === 'cohereTranscribe' ? 'data' : 'photo';
			const run = await runNode({
				type,
				parameters,
				credentials: ctx.credentials(),
				items: [
					{ json: {} },
					{
						json: {},
						binary: { [property]: { mimeType: 'image/png', fileName: 'x.png' } as never },
					},
				],
				continueOnFail: true,
			});
			const failure = run.items[1]?.json;
			expect(failure?.error).toBe(
				`Binary property "${property}" of item 1 holds no data (from "${label}")`,
			);
			expect(run.items[1]?.pairedItem).toEqual({ item: 1 });
		},
	);
});

describe('the credential test wants a Cohere answer', () => {
	test.each([
		['an HTML page', 'text/html', '<html><body>Welcome to nginx!</body></html>'],
		['JSON that is not a models list', 'application/json', '{"status": "ok"}'],
	])('%s on 200 is an error pointing at the Base URL', async (_label, type, body) => {
		foreign.reply = { status: 200, type, body };
		const result = await testCredential({ apiKey: 'test-key', baseUrl: foreign.url });
		expect(result).toEqual({
			status: 'Error',
			message:
				"The Base URL answered, but not like the Cohere API (no models list on /v1/models). Check the Base URL: https://api.cohere.com, or your gateway's Cohere-compatible address.",
		});
	});

	test('Cohere (the emulator) passes', async () => {
		expect(await testCredential(ctx.credentials())).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
	});
});

describe('the model dropdowns give up after 15 s on a hanging gateway', () => {
	test('a hanging /v1/models: a clear error after about 15 s, not 300 s', async () => {
		ctx.emulator.addFault({ path: '/v1/models', kind: 'hang', times: Infinity });
		const started = Date.now();
		await expect(listSearch('cohereChat', 'searchChatModels', ctx.credentials())).rejects.toThrow(
			'Could not load the models: Cohere did not answer within 15 s',
		);
		const elapsed = Date.now() - started;
		expect(elapsed).toBeGreaterThanOrEqual(14_500);
		expect(elapsed).toBeLessThan(20_000);
	}, 40_000);
});

describe('fault scenarios over 1,000 items with Continue On Fail: items in = items out, paired, the real reason', () => {
	const items = Array.from({ length: 1000 }, (_, i) => ({ json: { text: `question ${i}` } }));
	const chat = (options: IDataObject) =>
		runNode({
			type: 'cohereChat',
			parameters: {
				api: 'v2',
				model: byId('command-a-03-2025'),
				prompt: '={{ $json.text }}',
				options: { concurrency: 16, ...options },
			},
			credentials: ctx.credentials(),
			items,
			continueOnFail: true,
		});

	function expectComplete(run: Awaited<ReturnType<typeof chat>>, reason: RegExp, failures: number) {
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1000);
		run.items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		const errors = run.items.filter((item) => item.json.error !== undefined);
		expect(errors).toHaveLength(failures);
		for (const error of errors) expect(String(error.json.error)).toMatch(reason);
		const answered = run.items.filter((item) => item.json.error === undefined);
		for (const item of answered) expect(typeof item.json.text).toBe('string');
	}

	test.each([
		['5xx burst', { status: 502, after: 100, times: 40 }, /^Cohere service problem \(502\)/],
		// A 429 is the key's pace, with a pinned number too: the storm is waited out, no item fails.
		['429 storm', { status: 429, after: 200, times: 60 }, /^never$/, 0],
		[
			'connection resets',
			{ kind: 'reset' as const, after: 300, times: 25 },
			/^Could not reach Cohere/,
		],
		['malformed JSON', { kind: 'malformed' as const, after: 400, times: 30 }, /not valid JSON/],
	])('%s', async (_label, fault, reason, failures: number = fault.times) => {
		ctx.emulator.addFault({ path: '/v2/chat', ...fault });
		const run = await chat({ maxRetries: 0 });
		expectComplete(run, reason, failures);
	});

	test('hangs: the hanging requests time out, every other item is answered', async () => {
		ctx.emulator.addFault({ path: '/v2/chat', kind: 'hang', after: 500, times: 8 });
		const run = await chat({ maxRetries: 0, timeout: 1 });
		expectComplete(run, /^Cohere did not answer within 1 s/, 8);
	});

	test('a 429 storm with retries: absorbed, no item fails', async () => {
		// 30 429s over 16 lanes: no request meets more than 2, which Max Retries 2 absorbs.
		ctx.emulator.addFault({
			path: '/v2/chat',
			status: 429,
			after: 100,
			times: 30,
			headers: { 'retry-after-ms': '5' },
		});
		const run = await chat({ maxRetries: 2 });
		expectComplete(run, /never/, 0);
	});

	test('Embed: a failed request of 96 texts fails exactly its items, with the reason', async () => {
		ctx.emulator.addFault({ path: '/v2/embed', status: 500, after: 3 });
		const run = await runNode({
			type: 'cohereEmbed',
			parameters: {
				api: 'cohere',
				model: byId('embed-v4.0'),
				options: { maxRetries: 0, concurrency: 1 },
			},
			credentials: ctx.credentials(),
			items,
			continueOnFail: true,
		});
		expect(run.items).toHaveLength(1000);
		run.items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		const failed = run.items.flatMap((item, i) => (item.json.error ? [i] : []));
		expect(failed).toEqual(Array.from({ length: 96 }, (_, i) => 288 + i));
		expect(run.items[288].json.error).toBe('Cohere service problem (500): try again later');
	});
});
