/* The AI sub-nodes (chat model, embeddings, reranker) as n8n's root nodes use them: supplyData through
 * n8n-core's SupplyDataContext, then the objects called the way the AI Agent (through the SDK's LangChain
 * adapter) and the vector store nodes call them, against the emulator. */
import type { Message } from '@n8n/ai-node-sdk';
import { z } from 'zod';

import { supplyData } from './harness';
import { useEmulator } from './setup';
import { byId } from '../fixtures';

const ctx = useEmulator();
const chatBodies = () => ctx.emulator.requestsTo('/v2/chat').map((r) => r.body as any);

const calculator = {
	type: 'function',
	function: {
		name: 'calculator',
		description: 'Computes a math expression',
		parameters: {
			type: 'object',
			properties: { input: { type: 'string' } },
			required: ['input'],
		},
	},
};

async function chatModel(
	parameters: Record<string, unknown> = {},
	credentials = ctx.credentials(),
) {
	return await supplyData({
		type: 'cohereChatModel',
		parameters: { model: byId('command-a-03-2025'), ...parameters },
		credentials,
		connectionType: 'ai_languageModel',
	});
}

describe('Cohere Command Chat Model (ai_languageModel)', () => {
	test('generate through the LangChain adapter: the exact request, the answer, usage', async () => {
		const { response: model } = await chatModel({
			options: { temperature: 0.2, maxTokens: 300, topP: 0.9, seed: 7, safetyMode: 'STRICT' },
		});
		const answer = await model.invoke([
			['system', 'Be brief.'],
			['human', 'What is n8n?'],
		]);
		expect(chatBodies()).toEqual([
			{
				model: 'command-a-03-2025',
				messages: [
					{ role: 'system', content: 'Be brief.' },
					{ role: 'user', content: 'What is n8n?' },
				],
				temperature: 0.2,
				max_tokens: 300,
				p: 0.9,
				seed: 7,
				safety_mode: 'STRICT',
			},
		]);
		expect(answer.text).toBe('Answer to: What is n8n?');
		expect(answer.usage_metadata).toMatchObject({ input_tokens: expect.any(Number) });
		expect(ctx.emulator.requests[0].headers.authorization).toBe('Bearer test-key');
	});

	test("the AI Agent tool loop: a tool call with Cohere's id, the result sent back with that id, after the assistant message with tool_calls and tool_plan", async () => {
		const { response: model } = await chatModel();
		const withTools = model.bindTools([calculator]);
		const question = ['human', 'What is 6 * 7?'] as const;
		const first = await withTools.invoke([question]);
		expect(first.tool_calls).toEqual([
			{ type: 'tool_call', id: 'calculator_0', name: 'calculator', args: { input: '6 * 7' } },
		]);
		// The agent runs the tool and sends its result back as a tool message with the call's id.
		const second = await withTools.invoke([
			question,
			first,
			{ role: 'tool', content: '42', tool_call_id: 'calculator_0' },
		]);
		expect(second.text).toBe('Answer to: What is 6 * 7? (tool results: calculator_0: 42)');
		const [round1, round2] = chatBodies();
		expect(round1.tools).toEqual([calculator]);
		expect(round2.messages).toEqual([
			{ role: 'user', content: 'What is 6 * 7?' },
			{
				role: 'assistant',
				tool_calls: [
					{
						id: 'calculator_0',
						type: 'function',
						function: { name: 'calculator', arguments: '{"input":"6 * 7"}' },
					},
				],
				tool_plan: 'I will call calculator.',
			},
			{ role: 'tool', tool_call_id: 'calculator_0', content: '42' },
		]);
	});

	test("a tool whose schema the SDK hands back unconverted (a zod 4 schema, as older SDKs do with n8n's tools) is sent with its own JSON Schema", async () => {
		const { response: model } = await chatModel();
		// A stand-in for a zod 4 schema from another zod copy than the SDK's: not the SDK's ZodSchema, and
		// able to convert itself, as zod 4 schemas are.
		const zod4Schema = {
			_zod: {},
			toJSONSchema: () => calculator.function.parameters,
		};
		await model
			.bindTools([
				{ name: 'calculator', description: 'Computes a math expression', schema: zod4Schema },
			])
			.invoke([['human', 'What is 6 * 7?']]);
		expect(chatBodies()[0].tools).toEqual([calculator]);
	});

	test("a zod 3 schema from another zod copy than the SDK's (n8n's Calculator on SDK 0.11 and 0.20) is sent as JSON Schema", async () => {
		const { response: model } = await chatModel();
		// Not an instance of the SDK's zod: only its definition, as a schema from LangChain's own zod copy is.
		const langChainSchema = z.object({ input: z.string().optional() }).transform((o) => o.input);
		const otherCopy = { _def: langChainSchema._def };
		await model
			.bindTools([
				{ name: 'calculator', description: 'Computes a math expression', schema: otherCopy },
			])
			.invoke([['human', 'What is 6 * 7?']]);
		expect(chatBodies()[0].tools).toEqual([
			{
				type: 'function',
				function: {
					name: 'calculator',
					description: 'Computes a math expression',
					parameters: { type: 'object', properties: { input: { type: 'string' } } },
				},
			},
		]);
	});

	test('stream: text deltas as they come, tool calls whole with their ids, finish with usage', async () => {
		const { response: model } = await chatModel();
		let text = '';
		for await (const chunk of await model.stream([['human', 'Tell me about streaming']]))
			text += chunk.text;
		expect(text).toBe('Answer to: Tell me about streaming');
		expect(chatBodies()[0]).toMatchObject({ stream: true, model: 'command-a-03-2025' });

		const toolChunks: any[] = [];
		for await (const chunk of await model
			.bindTools([calculator])
			.stream([['human', 'What is 2 + 3?']]))
			toolChunks.push(...(chunk.tool_call_chunks ?? []));
		expect(toolChunks).toEqual([
			{
				type: 'tool_call_chunk',
				id: 'calculator_0',
				name: 'calculator',
				args: '{"input":"2 + 3"}',
				index: 0,
			},
		]);
	});

	test('stream and generate straight on the SDK model: reasoning, images, finish reasons', async () => {
		const { response: adapter } = await chatModel({
			model: byId('command-a-reasoning-08-2025'),
			options: { thinking: 'enabled', thinkingTokenBudget: 500 },
		});
		const sdkModel = adapter.chatModel;
		const messages: Message[] = [
			{
				role: 'user',
				content: [
					{ type: 'text', text: 'What is in this picture?' },
					{ type: 'file', mediaType: 'image/png', data: new Uint8Array([1, 2, 3]) },
				],
			},
		];
		const chunks: any[] = [];
		for await (const chunk of sdkModel.stream(messages)) chunks.push(chunk);
		expect(
			chunks
				.filter((c) => c.type === 'reasoning-delta')
				.map((c) => c.delta)
				.join(''),
		).toBe('Thinking about: What is in this picture?');
		expect(
			chunks
				.filter((c) => c.type === 'text-delta')
				.map((c) => c.delta)
				.join(''),
		).toBe('Answer to: What is in this picture? (saw 1 image)');
		expect(chunks[chunks.length - 1]).toMatchObject({ type: 'finish', finishReason: 'stop' });
		const result = await sdkModel.generate(messages);
		expect(result.finishReason).toBe('stop');
		expect(result.message.content.map((c: any) => c.type)).toEqual(['reasoning', 'text']);
		const body = chatBodies()[1];
		expect(body.thinking).toEqual({ type: 'enabled', token_budget: 500 });
		expect(body.messages[0].content).toEqual([
			{ type: 'text', text: 'What is in this picture?' },
			{ type: 'image_url', image_url: { url: 'data:image/png;base64,AQID' } },
		]);
	});

	test('retries a 429 (generate and stream) as every node does; a 401 is an error in plain words', async () => {
		ctx.emulator.addFault({
			path: '/v2/chat',
			status: 429,
			times: 2,
			headers: { 'retry-after-ms': '10' },
		});
		const { response: model } = await chatModel();
		expect((await model.invoke([['human', 'Hi']])).text).toBe('Answer to: Hi');
		let streamed = '';
		for await (const chunk of await model.stream([['human', 'Hi']])) streamed += chunk.text;
		expect(streamed).toBe('Answer to: Hi');
		expect(chatBodies()).toHaveLength(4);

		const { response: wrongKey } = await chatModel({}, ctx.credentials({ apiKey: 'wrong-key' }));
		await expect(wrongKey.invoke([['human', 'Hi']])).rejects.toThrow(
			'Cohere rejected the API key (401)',
		);
		await expect(
			(async () => {
				for await (const _chunk of await wrongKey.stream([['human', 'Hi']])) void _chunk;
			})(),
		).rejects.toThrow('Cohere rejected the API key (401)');
	});

	test('options out of range are refused naming the option, before any request', async () => {
		await expect(chatModel({ options: { temperature: 7 } })).rejects.toThrow(
			'The parameter "Temperature" must be a number from 0 to 2, not 7 (item 0)',
		);
		expect(ctx.emulator.requests).toEqual([]);
	});
});

describe('Cohere Embeddings (ai_embedding)', () => {
	async function embeddings(options: Record<string, unknown> = {}) {
		return await supplyData({
			type: 'cohereEmbeddings',
			parameters: { model: byId('embed-v4.0'), options },
			credentials: ctx.credentials(),
			connectionType: 'ai_embedding',
		});
	}
	const embedBodies = () => ctx.emulator.requestsTo('/v2/embed').map((r) => r.body as any);

	test('Embed 5: every output dimension up to 2048; a dimension the model does not take is refused', async () => {
		const { response } = await supplyData({
			type: 'cohereEmbeddings',
			parameters: { model: byId('embed-v5.0-fast'), options: { outputDimension: '2048' } },
			credentials: ctx.credentials(),
			connectionType: 'ai_embedding',
		});
		expect(await response.embedQuery('red apples')).toHaveLength(2048);
		expect(embedBodies()[0]).toMatchObject({ model: 'embed-v5.0-fast', output_dimension: 2048 });
		const { response: v4 } = await embeddings({ outputDimension: '768' });
		await expect(v4.embedQuery('red apples')).rejects.toThrow(
			'Output Dimension 768 is not one that embed-v4.0 takes (256, 512, 1024, 1536)',
		);
	});

	test("embedDocuments: 96 texts per request as search_document, vectors in the texts' order", async () => {
		const { response, runs } = await embeddings({ concurrency: 2, outputDimension: '256' });
		const texts = Array.from({ length: 250 }, (_, i) => `document number ${i}`);
		const vectors: number[][] = await response.embedDocuments(texts);
		expect(vectors).toHaveLength(250);
		expect(embedBodies().map((b) => [b.input_type, b.texts.length, b.output_dimension])).toEqual([
			['search_document', 96, 256],
			['search_document', 96, 256],
			['search_document', 58, 256],
		]);
		expect(embedBodies().flatMap((b) => b.texts)).toEqual(texts);
		expect(ctx.emulator.maxInFlight).toBeLessThanOrEqual(2);
		// Each vector is the one of its own text: the same text alone gets the same vector.
		ctx.emulator.reset();
		const again: number[][] = await response.embedDocuments([texts[200], texts[3]]);
		expect(again).toEqual([vectors[200], vectors[3]]);
		expect(vectors[0]).toHaveLength(256);
		expect(JSON.stringify(runs())).toContain('"embeddings":250');
	});

	test('embedQuery: search_query; the input types can be changed', async () => {
		const { response } = await embeddings();
		const vector: number[] = await response.embedQuery('where is the document?');
		expect(vector.length).toBeGreaterThan(0);
		expect(embedBodies()).toEqual([
			{
				model: 'embed-v4.0',
				input_type: 'search_query',
				texts: ['where is the document?'],
				embedding_types: ['float'],
			},
		]);
		ctx.emulator.reset();
		const { response: clustering } = await embeddings({
			documentInputType: 'clustering',
			queryInputType: 'clustering',
		});
		await clustering.embedDocuments(['a']);
		await clustering.embedQuery('b');
		expect(embedBodies().map((b) => b.input_type)).toEqual(['clustering', 'clustering']);
	});

	test("a failing request fails the call with the reason (recorded as the sub-node's error)", async () => {
		ctx.emulator.addFault({ path: '/v2/embed', status: 500, times: Infinity });
		const { response, runs } = await embeddings({ maxRetries: 0 });
		await expect(response.embedDocuments(['a', 'b'])).rejects.toThrow(
			'Cohere service problem (500): try again later',
		);
		expect(JSON.stringify(runs())).toContain('Cohere service problem (500)');
	});
});

describe('Cohere Reranker (ai_reranker)', () => {
	const documents = [
		{ pageContent: 'bananas are yellow', metadata: { id: 'a' } },
		{ pageContent: 'red apples and green apples', metadata: { id: 'b' } },
		{ pageContent: 'cars on the road', metadata: { id: 'c' } },
		{ pageContent: 'apples are red', metadata: { id: 'd' } },
	];

	test('compressDocuments: best first, Top N, metadata.relevanceScore, the exact request', async () => {
		const { response } = await supplyData({
			type: 'cohereReranker',
			parameters: { model: byId('rerank-v4.0-pro'), topN: 2 },
			credentials: ctx.credentials(),
			connectionType: 'ai_reranker',
		});
		const ranked = await response.compressDocuments(documents, 'red apples');
		expect(ctx.emulator.requestsTo('/v2/rerank').map((r) => r.body)).toEqual([
			{
				model: 'rerank-v4.0-pro',
				query: 'red apples',
				documents: documents.map((d) => d.pageContent),
				top_n: 2,
			},
		]);
		expect(ranked.map((d: any) => d.metadata.id)).toEqual(['b', 'd']);
		expect(ranked[0].metadata.relevanceScore).toBeGreaterThan(ranked[1].metadata.relevanceScore);
		expect(ranked[0].pageContent).toBe('red apples and green apples');
	});

	test('Minimum Relevance Score: the store gets only the documents that score at least that', async () => {
		const reranker = async (minRelevanceScore: number) =>
			(
				await supplyData({
					type: 'cohereReranker',
					parameters: { model: byId('rerank-v4.0-pro'), topN: 0, options: { minRelevanceScore } },
					credentials: ctx.credentials(),
					connectionType: 'ai_reranker',
				})
			).response;
		const all = await (await reranker(0)).compressDocuments(documents, 'red apples');
		const scores = all.map((d: any) => d.metadata.relevanceScore as number);
		const between = (scores[0] + scores[1]) / 2;
		const relevant = await (await reranker(between)).compressDocuments(documents, 'red apples');
		expect(relevant.map((d: any) => d.metadata.id)).toEqual([all[0].metadata.id]);
	});

	test('more than 1,000 documents: ranked in parts, merged by score; none: no request', async () => {
		const { response } = await supplyData({
			type: 'cohereReranker',
			parameters: { model: byId('rerank-v3.5'), topN: 0 },
			credentials: ctx.credentials(),
			connectionType: 'ai_reranker',
		});
		const many = Array.from({ length: 2500 }, (_, i) => ({
			pageContent: i === 1800 ? 'red apples' : `document ${i}`,
			metadata: { i },
		}));
		const ranked = await response.compressDocuments(many, 'red apples');
		expect(
			ctx.emulator.requestsTo('/v2/rerank').map((r) => (r.body as any).documents.length),
		).toEqual([1000, 1000, 500]);
		expect(ranked).toHaveLength(2500);
		expect(ranked[0].metadata.i).toBe(1800);
		const scores = ranked.map((d: any) => d.metadata.relevanceScore);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
		ctx.emulator.reset();
		expect(await response.compressDocuments([], 'x')).toEqual([]);
		expect(ctx.emulator.requests).toEqual([]);
	});
});
