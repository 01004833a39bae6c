/* The emulator is what every node test trusts, so it is tested too: through the Raw HTTP node,
 * i.e. real HTTP from n8n-core with the credential applied. */
import samples from '../emulator/connector-samples.json';
import { readReferenceSamples } from '../emulator/samples';
import { runNode } from '../engine/harness';
import { useEmulator } from '../engine/setup';

const ctx = useEmulator();

/** A request straight to the emulator, with the key (not through a node). */
async function post(path: string, body: unknown = {}, apiKey = 'test-key') {
	return await fetch(`${ctx.baseUrl}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
}

async function call(
	method: string,
	url: string,
	body?: unknown,
	extra: Record<string, unknown> = {},
) {
	const run = await runNode({
		type: 'cohereHttpRequest',
		parameters: {
			method,
			url,
			sendBody: body !== undefined,
			specifyBody: 'json',
			jsonBody: JSON.stringify(body ?? {}),
			// One request at a time and no retries: each call shows exactly what the emulator answered.
			options: { neverError: true, maxRetries: 0, concurrency: 1 },
			...extra,
		},
		credentials: ctx.credentials(),
	});
	if (run.error) throw run.error;
	return run.items[0].json as { status: number; body: any; headers: Record<string, string> };
}

test('the committed samples are exactly those of the reference file', () => {
	const reference = readReferenceSamples();
	if (!reference) return expect(samples.length).toBe(10); // no ../shared here: the committed copy stands
	expect(samples).toEqual(reference);
});

describe('documented samples: the sample input yields exactly the sample output', () => {
	const routes: Record<string, string> = {
		'Generate Chat (Beta)': '/v1/chat',
		'Generate Classification': '/v1/classify',
		'Generate Detokenized Text': '/v1/detokenize',
		'Generate Text': '/v1/generate',
		'Generate Text Embeddings': '/v2/embed',
		'Generate Tokens': '/v1/tokenize',
		'Summarize Text': '/v1/summarize',
	};
	test.each(Object.entries(routes))('%s (%s)', async (title, path) => {
		const { input, output } = (samples as Array<{ title: string; input: any; output: any }>).find(
			(s) => s.title === title,
		)!;
		const answer = await call('POST', path, input.body);
		expect(answer).toMatchObject({ status: 200, body: output });
	});
});

describe('Cohere behaviour', () => {
	// These tests send invalid requests on purpose, to see the emulator refuse them as Cohere does.
	beforeEach(() => (ctx.emulator.invalidRequestsExpected = true));
	test('401 for a wrong key, 404 page not found for an unknown path', async () => {
		const run = await runNode({
			type: 'cohereHttpRequest',
			parameters: { method: 'GET', url: '/v1/models', options: { neverError: true } },
			credentials: ctx.credentials({ apiKey: 'x' }),
		});
		expect(run.items[0].json).toMatchObject({
			status: 401,
			body: { message: 'invalid api token' },
		});
		expect(await call('GET', '/v9/nothing')).toMatchObject({
			status: 404,
			body: { message: '404 page not found' },
		});
	});

	test('v2 chat: answer, citations with documents, JSON mode, tool calls; model required', async () => {
		const chat = await call('POST', '/v2/chat', {
			model: 'command-a-03-2025',
			messages: [{ role: 'user', content: 'Hi' }],
		});
		expect(chat.body).toMatchObject({
			finish_reason: 'COMPLETE',
			message: { role: 'assistant', content: [{ type: 'text', text: 'Answer to: Hi' }] },
			usage: { billed_units: { input_tokens: 2 } },
		});
		const rag = await call('POST', '/v2/chat', {
			model: 'command-a-03-2025',
			messages: [{ role: 'user', content: 'Hi' }],
			documents: [{ id: 'd1', data: { text: 'x' } }],
		});
		expect(rag.body.message.citations[0].sources[0]).toMatchObject({ type: 'document', id: 'd1' });
		const json = await call('POST', '/v2/chat', {
			model: 'command-a-03-2025',
			messages: [{ role: 'user', content: 'Hi' }],
			response_format: { type: 'json_object' },
		});
		expect(JSON.parse(json.body.message.content[0].text)).toEqual({ answer: 'Hi', length: 2 });
		const tools = await call('POST', '/v2/chat', {
			model: 'command-a-03-2025',
			messages: [{ role: 'user', content: 'Hi' }],
			tools: [{ type: 'function', function: { name: 'lookup', parameters: {} } }],
		});
		expect(tools.body).toMatchObject({
			finish_reason: 'TOOL_CALL',
			message: { tool_calls: [{ id: 'lookup_0', function: { name: 'lookup' } }] },
		});
		expect(
			await call('POST', '/v2/chat', { messages: [{ role: 'user', content: 'Hi' }] }),
		).toMatchObject({
			status: 400,
			body: { message: 'invalid request: a model parameter is required for this endpoint.' },
		});
		expect(
			await call('POST', '/v2/chat', {
				model: 'nope',
				messages: [{ role: 'user', content: 'Hi' }],
			}),
		).toMatchObject({ status: 404 });
	});

	test('embed: at most 96 texts, no empty texts, input_type required, embeddings by type', async () => {
		const texts = Array.from({ length: 97 }, (_, i) => `text ${i}`);
		expect(
			await call('POST', '/v2/embed', {
				model: 'embed-v4.0',
				input_type: 'search_document',
				texts,
			}),
		).toMatchObject({ status: 400, body: { message: expect.stringContaining('more than 96') } });
		expect(
			await call('POST', '/v2/embed', {
				model: 'embed-v4.0',
				input_type: 'search_document',
				texts: ['a', ''],
			}),
		).toMatchObject({ status: 400 });
		expect(await call('POST', '/v2/embed', { model: 'embed-v4.0', texts: ['a'] })).toMatchObject({
			status: 400,
			body: { message: expect.stringContaining('input_type is required') },
		});
		const ok = await call('POST', '/v2/embed', {
			model: 'embed-v4.0',
			input_type: 'search_document',
			texts: ['a', 'b'],
			embedding_types: ['float', 'int8'],
			output_dimension: 256,
		});
		expect(ok.body.embeddings.float).toHaveLength(2);
		expect(ok.body.embeddings.float[0]).toHaveLength(256);
		expect(ok.body.embeddings.int8[0]).toHaveLength(256);
		const again = await call('POST', '/v2/embed', {
			model: 'embed-v4.0',
			input_type: 'search_document',
			texts: ['a'],
			embedding_types: ['float'],
			output_dimension: 256,
		});
		expect(again.body.embeddings.float[0]).toEqual(ok.body.embeddings.float[0]);
	});

	test('rerank, classify, summarize, tokenize limits', async () => {
		const rerank = await call('POST', '/v2/rerank', {
			model: 'rerank-v3.5',
			query: 'red apples',
			documents: ['blue sky', 'red apples', 'bananas are yellow'],
			top_n: 2,
		});
		expect(rerank.body.results).toHaveLength(2);
		expect(rerank.body.results[0].index).toBe(1);
		const classify = await call('POST', '/v1/classify', {
			model: 'embed-english-v3.0',
			inputs: ['great food'],
			examples: [
				{ text: 'great service', label: 'positive' },
				{ text: 'great food here', label: 'positive' },
				{ text: 'awful wait', label: 'negative' },
				{ text: 'cold food', label: 'negative' },
			],
		});
		expect(classify.body.classifications[0]).toMatchObject({
			input: 'great food',
			prediction: 'positive',
		});
		expect(await call('POST', '/v1/summarize', { text: 'too short' })).toMatchObject({
			status: 400,
		});
		expect(
			await call('POST', '/v1/tokenize', { model: 'command', text: 'x'.repeat(65537) }),
		).toMatchObject({ status: 400, body: { message: expect.stringContaining('65536') } });
	});

	test('OpenAI-compatible chat and embeddings under both prefixes', async () => {
		const chat = await call('POST', '/compatibility/v1/chat/completions', {
			model: 'command-a-03-2025',
			messages: [
				{
					role: 'user',
					content: [
						{ type: 'text', text: 'Hi' },
						{ type: 'file', file: { file_data: 'data:application/pdf;base64,AA==' } },
					],
				},
			],
		});
		expect(chat.body.choices[0].message.content).toBe('Answer to: Hi (with file)');
		const emb = await call('POST', '/api/v1/embeddings', {
			model: 'embed-v4.0',
			input: ['a', 'b'],
			encoding_format: 'float',
		});
		expect(emb.body.data.map((d: { index: number }) => d.index)).toEqual([0, 1]);
	});

	test('faults: rate limit above N requests per window, with Retry-After', async () => {
		ctx.emulator.rateLimit = { limit: 2, windowMs: 60_000, retryAfterSeconds: 7 };
		// Straight to the emulator: a node would wait out the 429 as the key's pace.
		const answers = [];
		for (let i = 0; i < 3; i++) answers.push(await post('/v1/check-api-key'));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 429]);
		expect(answers[2].headers.get('retry-after')).toBe('7');
	});
});

describe('Embed inputs and Parse, as Cohere checks them', () => {
	beforeEach(() => (ctx.emulator.invalidRequestsExpected = true));
	const image = `data:image/png;base64,${Buffer.alloc(8, 1).toString('base64')}`;
	const input = {
		content: [
			{ type: 'text', text: 'a shoe' },
			{ type: 'image_url', image_url: { url: image } },
		],
	};
	const embed = async (body: object) =>
		(await post('/v2/embed', { input_type: 'search_document', ...body })).status;

	test('inputs: Embed 4 and newer, alone, with text and image parts; what is not is refused', async () => {
		expect(await embed({ model: 'embed-v4.0', inputs: [input] })).toBe(200);
		expect(await embed({ model: 'embed-v5.0-fast', inputs: [input, input] })).toBe(200);
		expect(await embed({ model: 'embed-english-v3.0', inputs: [input] })).toBe(400);
		expect(await embed({ model: 'embed-v4.0', inputs: [input], texts: ['x'] })).toBe(400);
		expect(await embed({ model: 'embed-v4.0', inputs: [{ content: [] }] })).toBe(400);
		const url = { type: 'image_url', image_url: { url: 'https://example.com/a.png' } };
		expect(await embed({ model: 'embed-v4.0', inputs: [{ content: [url] }] })).toBe(400);
	});

	test('parse: a parse model and an image document; a PDF, a chat model or another format is refused', async () => {
		const parse = async (body: object) =>
			(await post('/v2/parse', { model: 'parse-v5.0', ...body })).status;
		const document = { type: 'image_url', image_url: image };
		expect(await parse({ document })).toBe(200);
		expect(await parse({ document, output_format: 'blocks' })).toBe(200);
		expect(
			await parse({
				document: { type: 'image_url', image_url: 'data:application/pdf;base64,JVBERi0=' },
			}),
		).toBe(400);
		expect(await parse({ document, model: 'command-a-03-2025' })).toBe(400);
		expect(await parse({ document, output_format: 'html' })).toBe(400);
		expect(await parse({ document: { type: 'file_url', image_url: image } })).toBe(400);
	});
});

describe("Cohere's rate limits (rate-limits.ts)", () => {
	const chatBody = (model: string) => ({ model, messages: [{ role: 'user', content: 'hi' }] });
	beforeEach(() => {
		ctx.emulator.apiKeys.add('trial-key');
		ctx.emulator.limitLikeCohere({
			keys: { 'trial-key': 'trial' },
			windowMs: 60_000,
			monthlyCalls: 25,
		});
	});

	test("a trial key: 20 chat calls a minute per model, its headers on every answer, Cohere's wording and no Retry-After", async () => {
		const answers: Response[] = [];
		for (let i = 0; i < 21; i++)
			answers.push(await post('/v2/chat', chatBody('command-a-03-2025'), 'trial-key'));
		expect(answers.map((a) => a.status)).toEqual([...Array(20).fill(200), 429]);
		expect(
			[
				'x-trial-endpoint-call-limit',
				'x-trial-endpoint-call-remaining',
				'x-endpoint-monthly-call-limit',
			].map((name) => answers[0].headers.get(name)),
		).toEqual(['20', '19', '25']);
		expect(answers[19].headers.get('x-trial-endpoint-call-remaining')).toBe('0');
		expect(answers[20].headers.get('retry-after')).toBeNull();
		expect(answers[20].headers.get('retry-after-ms')).toBeNull();
		expect(((await answers[20].json()) as { message: string }).message).toMatch(
			/^You are using a Trial key, which is limited to 20 API calls \/ minute\./,
		);
		// Another model has its own 20; the monthly 25 calls then run out, for every endpoint.
		const other: Response[] = [];
		for (let i = 0; i < 6; i++)
			other.push(await post('/v2/chat', chatBody('command-r-08-2024'), 'trial-key'));
		expect(other.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
		expect(((await other[5].json()) as { message: string }).message).toContain(
			'limited to 25 API calls / month',
		);
		expect(
			(await post('/v1/tokenize', { text: 'a', model: 'command-a-03-2025' }, 'trial-key')).status,
		).toBe(429);
	});

	test('a production key: 500 chat calls a minute, newer variants 20 with the trial wording, no trial headers', async () => {
		const answers: Response[] = [];
		for (let i = 0; i < 21; i++)
			answers.push(await post('/v2/chat', chatBody('command-a-vision-07-2025')));
		expect(answers[0].headers.get('x-trial-endpoint-call-limit')).toBeNull();
		expect(answers[20].status).toBe(429);
		expect(((await answers[20].json()) as { message: string }).message).toContain(
			'limited to 20 API calls / minute',
		);
		expect((await post('/v2/chat', chatBody('command-a-03-2025'))).status).toBe(200);
	});

	test('Embed by inputs: 2,000 a minute on both keys, images apart; a 429 that names no number', async () => {
		const texts = (n: number) => ({
			model: 'embed-v4.0',
			input_type: 'search_document',
			texts: Array(n).fill('t'),
		});
		const statuses = [];
		for (let i = 0; i < 21; i++) statuses.push((await post('/v2/embed', texts(96))).status);
		expect(statuses).toEqual([...Array(20).fill(200), 429]);
		// 1,920 used: 80 more fit.
		expect((await post('/v2/embed', texts(80))).status).toBe(200);
		const refused = await post('/v2/embed', texts(1));
		expect(((await refused.json()) as { message: string }).message).toBe(
			'You are past the per minute request limit, please wait and try again later.',
		);
		const image = {
			model: 'embed-v4.0',
			input_type: 'image',
			images: ['data:image/png;base64,iVBORw0KGgo='],
		};
		expect((await post('/v2/embed', image)).status).toBe(200);
	});

	test('a Retry-After hint only as an explicit scenario: the exact wait until a place frees', async () => {
		ctx.emulator.limitLikeCohere({
			keys: { 'trial-key': 'trial' },
			windowMs: 5000,
			retryAfterHint: true,
		});
		for (let i = 0; i < 10; i++)
			await post('/v2/rerank', { model: 'rerank-v3.5', query: 'q', documents: ['d'] }, 'trial-key');
		const refused = await post(
			'/v2/rerank',
			{ model: 'rerank-v3.5', query: 'q', documents: ['d'] },
			'trial-key',
		);
		expect(refused.status).toBe(429);
		expect(Number(refused.headers.get('retry-after-ms'))).toBeGreaterThan(4000);
	});
});
