/* The API key stays on the Base URL's origin, and is redacted from whatever a server sends back. */
import { redactSecret } from '../../../nodes/shared/transport/redact';
import { listSearch, runNode, testCredential } from '../harness';
import { useEmulator } from '../setup';
import { byId, texts } from '../../fixtures';
import { checkKey, useForeignServers } from './foreignServer';

const ctx = useEmulator();
const { foreign, otherPort } = useForeignServers();

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
