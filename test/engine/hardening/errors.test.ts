/* Errors that name the cause: a bad Raw HTTP path, header or Base URL, a plain-HTTP server, a binary
 * property without data, a credential test without a Cohere answer, a hanging gateway. */
import { normalizeBaseUrl } from '../../../nodes/shared/transport';
import { listSearch, runNode, testCredential } from '../harness';
import { useEmulator } from '../setup';
import { checkKey, useForeignServers } from './foreignServer';

const ctx = useEmulator();
const { foreign } = useForeignServers();

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
