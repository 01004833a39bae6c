import {
	backoffDelayMs,
	normalizeBaseUrl,
	retryDelayMs,
	serverRequestedDelayMs,
} from '../../nodes/shared/transport';
import { runNode } from './harness';
import { useEmulator } from './setup';

const ctx = useEmulator();

/** A Raw HTTP node calling POST /v1/check-api-key: the simplest request that goes through the transport. */
const checkKey = (options: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
	type: 'cohereHttpRequest',
	parameters: { method: 'POST', url: '/v1/check-api-key', sendBody: false, options, ...extra },
});

describe('retry timing rules', () => {
	test('exponential backoff: 1 s × 2^n with ±10 % jitter, capped at 60 s', () => {
		expect(backoffDelayMs(0, () => 0.5)).toBe(1000);
		expect(backoffDelayMs(3, () => 0.5)).toBe(8000);
		expect(backoffDelayMs(0, () => 0)).toBe(900);
		expect(backoffDelayMs(0, () => 1)).toBe(1100);
		expect(backoffDelayMs(10, () => 0.5)).toBe(60000);
	});

	test('server hints: retry-after-ms, Retry-After seconds or date, X-RateLimit-Reset', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(serverRequestedDelayMs({ 'retry-after-ms': '250' }, now)).toBe(250);
		expect(serverRequestedDelayMs({ 'retry-after': '3' }, now)).toBe(3000);
		expect(serverRequestedDelayMs({ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, now)).toBe(
			5000,
		);
		expect(serverRequestedDelayMs({ 'x-ratelimit-reset': '2' }, now)).toBe(2000);
		expect(serverRequestedDelayMs({ 'x-ratelimit-reset': String(now / 1000 + 7) }, now)).toBe(7000);
		expect(serverRequestedDelayMs({}, now)).toBeUndefined();
		expect(retryDelayMs(0, { 'retry-after': '600' })).toBe(60000);
		expect(retryDelayMs(0, { 'retry-after': '2' }, () => 0)).toBe(2000);
		expect(retryDelayMs(0, { 'retry-after': '2' }, () => 1)).toBe(2200);
	});

	test('Base URL forms are normalized', () => {
		expect(normalizeBaseUrl('https://api.cohere.com/v1/')).toBe('https://api.cohere.com');
		expect(normalizeBaseUrl('https://gw.example.com/cohere/')).toBe(
			'https://gw.example.com/cohere',
		);
		expect(normalizeBaseUrl('')).toBe('https://api.cohere.com');
		expect(normalizeBaseUrl(undefined)).toBe('https://api.cohere.com');
	});
});

describe('transport against the emulator', () => {
	test('429 then success: retried and the item comes through', async () => {
		ctx.emulator.addFault({
			path: '/v1/check-api-key',
			status: 429,
			times: 2,
			headers: { 'retry-after-ms': '20' },
		});
		const run = await runNode({ ...checkKey(), credentials: ctx.credentials() });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json).toMatchObject({ status: 200, body: { valid: true } });
		expect(ctx.emulator.requestsTo('/v1/check-api-key')).toHaveLength(3);
	});

	test('Retry-After in seconds is honoured', async () => {
		ctx.emulator.addFault({
			path: '/v1/check-api-key',
			status: 429,
			headers: { 'retry-after': '1' },
		});
		const run = await runNode({ ...checkKey(), credentials: ctx.credentials() });
		expect(run.error).toBeUndefined();
		const [first, second] = ctx.emulator.requestsTo('/v1/check-api-key');
		expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
	});

	test('X-RateLimit-Reset is honoured', async () => {
		ctx.emulator.addFault({
			path: '/v1/check-api-key',
			status: 429,
			headers: { 'x-ratelimit-reset': '1' },
		});
		await runNode({ ...checkKey(), credentials: ctx.credentials() });
		const [first, second] = ctx.emulator.requestsTo('/v1/check-api-key');
		expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(950);
	});

	test('without hints, the first retry waits about 1 s (backoff)', async () => {
		ctx.emulator.addFault({ path: '/v1/check-api-key', status: 503 });
		const run = await runNode({ ...checkKey(), credentials: ctx.credentials() });
		expect(run.error).toBeUndefined();
		const [first, second] = ctx.emulator.requestsTo('/v1/check-api-key');
		expect(second.receivedAt - first.receivedAt).toBeGreaterThanOrEqual(880);
		expect(second.receivedAt - first.receivedAt).toBeLessThan(2000);
	});

	test('gives up after Max Retries with a clear 429 error', async () => {
		ctx.emulator.addFault({
			path: '/v1/check-api-key',
			status: 429,
			times: Infinity,
			headers: { 'retry-after-ms': '10' },
		});
		// Auto paces 429s while an answer came back within the Timeout: with none for 1 s, Max Retries decide.
		const started = Date.now();
		const run = await runNode({
			...checkKey({ maxRetries: 3, timeout: 1 }),
			credentials: ctx.credentials(),
		});
		expect(Date.now() - started).toBeLessThan(6000);
		expect(ctx.emulator.requestsTo('/v1/check-api-key').length).toBeGreaterThan(4);
		expect(run.error?.message).toContain('rate limit');
		expect(run.error?.message).toContain('other workflows may share the key');
		expect(run.error?.description).toContain('per minute request limit');
		expect(run.error?.description).toContain('gave up after 4 attempts');
		expect(run.error?.httpCode).toBe('429');
	});

	test('Max Retries 0 fails at once', async () => {
		ctx.emulator.addFault({ path: '/v1/check-api-key', status: 500, times: Infinity });
		const run = await runNode({ ...checkKey({ maxRetries: 0 }), credentials: ctx.credentials() });
		expect(ctx.emulator.requestsTo('/v1/check-api-key')).toHaveLength(1);
		expect(run.error?.message).toContain('Cohere service problem (500)');
	});

	test('a connection reset is retried', async () => {
		ctx.emulator.addFault({ path: '/v1/check-api-key', kind: 'reset' });
		const run = await runNode({ ...checkKey(), credentials: ctx.credentials() });
		expect(run.error).toBeUndefined();
		expect(run.items[0].json.status).toBe(200);
		expect(ctx.emulator.requestsTo('/v1/check-api-key')).toHaveLength(2);
	});

	test('the timeout option stops a hanging request with a clear error', async () => {
		ctx.emulator.addFault({ path: '/v1/check-api-key', kind: 'hang' });
		const started = Date.now();
		const run = await runNode({
			...checkKey({ timeout: 1, maxRetries: 0 }),
			credentials: ctx.credentials(),
		});
		expect(Date.now() - started).toBeLessThan(5000);
		expect(run.error?.message).toContain('did not answer within 1 s');
	});

	test('malformed JSON in a 2xx answer is an error, not a crash', async () => {
		ctx.emulator.addFault({ path: '/v1/check-api-key', kind: 'malformed' });
		const run = await runNode({ ...checkKey(), credentials: ctx.credentials() });
		expect(run.error?.message).toContain('not valid JSON');
	});

	test('cancelling the execution stops the retry wait', async () => {
		ctx.emulator.addFault({
			path: '/v1/check-api-key',
			status: 429,
			times: Infinity,
			headers: { 'retry-after': '30' },
		});
		const started = Date.now();
		await runNode({
			...checkKey({ maxRetries: 5 }),
			credentials: ctx.credentials(),
			cancelAfterMs: 300,
		});
		expect(Date.now() - started).toBeLessThan(3000);
		expect(ctx.emulator.requestsTo('/v1/check-api-key')).toHaveLength(1);
	});

	test.each([
		[400, 'invalid request: bad thing', 'Cohere rejected the request as invalid (400)'],
		[401, 'invalid api token', 'Cohere rejected the API key (401)'],
		[402, 'Please add or update your payment method', 'billing limit'],
		[404, "model 'x' not found", 'Model or resource not found (404)'],
		[422, 'invalid request: unprocessable', 'could not process the request (422)'],
		[498, 'blocked output', 'Cohere blocked the content (498)'],
		[499, 'request cancelled', 'The request was cancelled (499)'],
		[503, 'service unavailable', 'Cohere service problem (503)'],
	])(
		"HTTP %i becomes a NodeApiError with plain words and Cohere's message",
		async (status, message, words) => {
			ctx.emulator.addFault({ path: '/v1/check-api-key', status, message, times: Infinity });
			const run = await runNode({ ...checkKey({ maxRetries: 0 }), credentials: ctx.credentials() });
			expect(run.error?.message).toContain(words);
			expect(run.error?.description).toContain(message);
			expect(run.error?.httpCode).toBe(String(status));
		},
	);
});

describe('Continue On Fail and item order', () => {
	test('a failing item becomes an error item paired to its input; the others go through', async () => {
		const items = ['/v1/check-api-key', '/v1/models/no-such-model', '/v1/models/rerank-v3.5'].map(
			(url) => ({ json: { url } }),
		);
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: { method: 'GET', url: '={{ $json.url }}', options: {} },
			credentials: ctx.credentials(),
			items: items.map((item, i) => (i === 0 ? { json: { url: '/v1/models/command' } } : item)),
			continueOnFail: true,
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(3);
		expect(run.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(run.items[0].json).toMatchObject({ status: 200, body: { name: 'command' } });
		expect(run.items[1].json).toMatchObject({
			error: expect.stringContaining('404'),
			description: expect.stringContaining("model 'no-such-model' not found"),
			httpCode: '404',
		});
		expect(run.items[2].json).toMatchObject({ status: 200, body: { name: 'rerank-v3.5' } });
	});

	test('Concurrent Requests: items run in parallel up to the bound, output stays in input order', async () => {
		ctx.emulator.latencyMs = 200;
		const items = Array.from({ length: 6 }, (_, i) => ({
			json: { model: ['command', 'embed-v4.0', 'rerank-v3.5'][i % 3] },
		}));
		const started = Date.now();
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: {
				method: 'GET',
				url: '=/v1/models/{{ $json.model }}',
				options: { concurrency: 3 },
			},
			credentials: ctx.credentials(),
			items,
		});
		const elapsed = Date.now() - started;
		expect(run.error).toBeUndefined();
		expect(ctx.emulator.maxInFlight).toBe(3);
		expect(elapsed).toBeLessThan(1000); // 2 rounds of 200 ms, where one at a time would take 1.2 s
		expect(run.items.map((i) => (i.json.body as { name: string }).name)).toEqual(
			items.map((i) => i.json.model),
		);
		expect(run.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
	});

	test('without Continue On Fail the node fails naming the item', async () => {
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: { method: 'GET', url: '={{ $json.url }}', options: {} },
			credentials: ctx.credentials(),
			items: [{ json: { url: '/v1/models/command' } }, { json: { url: '/v1/models/missing' } }],
		});
		expect(run.error?.message).toContain('404');
		expect(run.error?.context?.itemIndex).toBe(1);
	});
});
