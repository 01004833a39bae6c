/* Cohere Chat's other forms (v1 chat, Generate, OpenAI-compatible endpoints), and many items. */
import { runNode } from '../harness';
import { useEmulator } from '../setup';
import { byId, sample } from '../../fixtures';
import { chatNode, png } from './chatNode';

const ctx = useEmulator();
const { chat, sentBodies } = chatNode(ctx);

describe('Cohere Chat: legacy forms reproduce the documented samples', () => {
	test('Chat v1: the "Generate Chat" sample request body, and its output with simplify off', async () => {
		const { input, output } = sample('Generate Chat (Beta)');
		const run = await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'v1',
				chatV1Model: byId(input.body.model),
				message: input.body.message,
				connectors: input.body.connectors.map((c: { id: string }) => c.id).join(', '),
				simplify: false,
				options: { temperature: input.body.temperature, maxTokens: input.body.max_tokens },
			},
			credentials: ctx.credentials(),
		});
		expect(sentBodies('/v1/chat')).toEqual([input.body]);
		expect(run.items.map((i) => i.json)).toEqual([output]);
	});

	test('Chat v1 simplified, with preamble, chat history and documents', async () => {
		const run = await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'v1',
				chatV1Model: byId('command-r-08-2024'),
				message: 'And now?',
				preamble: 'Be kind.',
				chatHistory: '[{"role": "USER", "message": "Hi"}, {"role": "CHATBOT", "message": "Hello"}]',
				documents: '[{"id": "d1", "data": {"text": "doc text"}}, "plain"]',
			},
			credentials: ctx.credentials(),
		});
		expect(sentBodies('/v1/chat')[0]).toEqual({
			message: 'And now?',
			model: 'command-r-08-2024',
			preamble: 'Be kind.',
			chat_history: [
				{ role: 'USER', message: 'Hi' },
				{ role: 'CHATBOT', message: 'Hello' },
			],
			documents: [{ text: 'doc text', id: 'd1' }, { text: 'plain' }],
		});
		expect(run.items[0].json).toMatchObject({
			text: 'Answer to: And now?',
			finish_reason: 'COMPLETE',
			// Cohere's ids are UUIDs (its spec's format), as the emulator's now are.
			generation_id: expect.stringMatching(
				/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
			),
		});
	});

	test('Generate v1: the "Generate Text" sample request body, and its output with simplify off', async () => {
		const { input, output } = sample('Generate Text');
		const run = await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'generate',
				generateModel: byId(input.body.model),
				completionPrompt: input.body.prompt,
				simplify: false,
				options: {
					numGenerations: input.body.num_generations,
					maxTokens: input.body.max_tokens,
					temperature: input.body.temperature,
					stopSequences: input.body.stop_sequences,
					returnLikelihoods: input.body.return_likelihoods,
				},
			},
			credentials: ctx.credentials(),
		});
		expect(sentBodies('/v1/generate')).toEqual([input.body]);
		expect(run.items.map((i) => i.json)).toEqual([output]);
	});

	test('Generate v1 simplified gives the text', async () => {
		const run = await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'generate',
				generateModel: byId('command'),
				completionPrompt: 'Once upon a time',
			},
			credentials: ctx.credentials(),
		});
		expect(run.items[0].json).toMatchObject({
			text: ' Continuation 1 of: Once upon a time',
			usage: { output_tokens: 12 },
		});
		// Cohere's SingleGeneration (its spec, and the documented sample) has no finish reason.
		expect(run.items[0].json.finish_reason).toBeUndefined();
	});
});

describe('Cohere Chat: OpenAI-compatible endpoints', () => {
	test('a gateway at /api/v1: system prompt, image and PDF parts exactly as the gateway examples, JSON answer parsed', async () => {
		const pdf = {
			data: Buffer.from('%PDF-1.4 test').toString('base64'),
			mimeType: 'application/pdf',
			fileName: 'AWorldofLovesample.pdf',
		};
		const run = await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'openai',
				compatibleModel: 'gemini-2.0-flash',
				compatiblePath: 'api/v1/',
				systemMessage: 'Answer in JSON only.',
				prompt: 'Please summarize this document.',
				images: 'photo',
				files: 'doc',
				responseFormat: 'json_object',
				options: { temperature: 0.1, topP: 0.5, stopSequences: ['END'] },
			},
			credentials: ctx.credentials(),
			items: [{ json: {}, binary: { photo: png(), doc: pdf } }],
		});
		expect(run.error).toBeUndefined();
		expect(sentBodies('/api/v1/chat/completions')).toEqual([
			{
				model: 'gemini-2.0-flash',
				messages: [
					{ role: 'system', content: 'Answer in JSON only.' },
					{
						role: 'user',
						content: [
							{ type: 'text', text: 'Please summarize this document.' },
							{
								type: 'image_url',
								image_url: { url: `data:image/png;base64,${png().data}` },
								detail: 'auto',
							},
							{
								type: 'file',
								file_name: 'AWorldofLovesample.pdf',
								file: { file_data: `data:application/pdf;base64,${pdf.data}` },
							},
						],
					},
				],
				response_format: { type: 'json_object' },
				temperature: 0.1,
				top_p: 0.5,
				stop: ['END'],
			},
		]);
		expect(run.items[0].json).toMatchObject({
			json: { answer: 'Please summarize this document.' },
			finish_reason: 'stop',
		});
	});

	test("Cohere's compatibility API by default, tools and tool calls", async () => {
		const run = await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'openai',
				prompt: 'Weather?',
				tools:
					'[{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object", "properties": {}}}}]',
				toolChoice: 'required',
			},
			credentials: ctx.credentials(),
		});
		const [body] = sentBodies('/compatibility/v1/chat/completions');
		expect(body).toMatchObject({
			model: 'command-a-03-2025',
			tool_choice: 'required',
			tools: [{ type: 'function', function: { name: 'get_weather' } }],
		});
		expect(run.items[0].json).toMatchObject({
			finish_reason: 'tool_calls',
			tool_calls: [{ id: 'call_0', name: 'get_weather', arguments: { query: 'Weather?' } }],
		});
	});
});

describe('Cohere Chat: many items', () => {
	test('concurrent requests up to the bound, order and pairing kept', async () => {
		ctx.emulator.latencyMs = 100;
		const items = Array.from({ length: 10 }, (_, i) => ({ json: { q: `question ${i}` } }));
		const started = Date.now();
		const run = await chat({ prompt: '={{ $json.q }}', options: { concurrency: 5 } }, items);
		expect(Date.now() - started).toBeLessThan(900); // 2 rounds of 100 ms, not 10
		expect(ctx.emulator.maxInFlight).toBe(5);
		expect(run.items.map((i) => [i.json.text, i.pairedItem])).toEqual(
			items.map((item, index) => [`Answer to: ${item.json.q}`, { item: index }]),
		);
	});

	test('a 429 storm is retried away: every item answered, none lost', async () => {
		ctx.emulator.rateLimit = { limit: 3, windowMs: 200, exactRetryAfter: true };
		const items = Array.from({ length: 12 }, (_, i) => ({ json: { q: `q${i}` } }));
		const run = await chat(
			{ prompt: '={{ $json.q }}', options: { concurrency: 4, maxRetries: 10 } },
			items,
		);
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.text)).toEqual(items.map((i) => `Answer to: ${i.json.q}`));
		expect(ctx.emulator.requests.length).toBeGreaterThan(12); // some were 429s and retried
	});

	test('Delay Between Batches paces the batches', async () => {
		const items = Array.from({ length: 4 }, (_, i) => ({ json: { q: `q${i}` } }));
		const run = await chat(
			{ prompt: '={{ $json.q }}', options: { concurrency: 2, batchDelay: 300 } },
			items,
		);
		expect(run.items).toHaveLength(4);
		const times = ctx.emulator.requestsTo('/v2/chat').map((r) => r.receivedAt);
		expect(times[2] - times[1]).toBeGreaterThanOrEqual(280);
	});
});
