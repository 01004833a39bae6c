/* Cohere Raw HTTP: paths and full URLs on the Base URL origin only, query, headers, bodies, error items. */
import { resolveTarget } from '../../nodes/CohereHttpRequest/helpers/target';
import { runNode } from './harness';
import { useEmulator } from './setup';
import { sample } from '../fixtures';

const ctx = useEmulator();

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
