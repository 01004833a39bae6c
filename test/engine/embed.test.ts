import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import samples from '../emulator/connector-samples.json';
import { fakeEmbedding } from '../emulator/handlers/common';
import { runNode } from './harness';
import { useEmulator } from './setup';
import { byId } from '../fixtures';

const ctx = useEmulator();
const textItems = (count: number, prefix = 'text') =>
	Array.from({ length: count }, (_, i) => ({ json: { id: i, text: `${prefix} ${i}` } }));

function embed(parameters: IDataObject, items: INodeExecutionData[], continueOnFail = false) {
	return runNode({
		type: 'cohereEmbed',
		parameters: { api: 'cohere', model: byId('embed-v4.0'), ...parameters },
		credentials: ctx.credentials(),
		items,
		continueOnFail,
	});
}
const bodies = (path = '/v2/embed') => ctx.emulator.requestsTo(path).map((r) => r.body as any);
const png = (bytes = 16) => ({
	data: Buffer.alloc(bytes, 3).toString('base64'),
	mimeType: 'image/png',
	fileName: 'p.png',
});

describe('Cohere Embed: packing', () => {
	test('250 items go out in 3 requests of at most 96, and every embedding returns to its item', async () => {
		const items = textItems(250);
		const run = await embed({}, items);
		expect(run.error).toBeUndefined();
		const sent = bodies();
		expect(sent.map((b) => b.texts.length)).toEqual([96, 96, 58]);
		expect(sent.flatMap((b) => b.texts)).toEqual(items.map((i) => i.json.text));
		expect(sent[0]).toEqual({
			model: 'embed-v4.0',
			input_type: 'search_document',
			texts: sent[0].texts,
			embedding_types: ['float'],
		});
		expect(run.items).toHaveLength(250);
		run.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.id).toBe(index);
			expect(item.json.embedding).toEqual(fakeEmbedding(`embed-v4.0:text ${index}`, 1536));
		});
	});

	test('the documented "Generate Text Embeddings" sample: its fields are sent, the raw response comes out unchanged', async () => {
		const { input, output } = (samples as Array<{ title: string; input: any; output: any }>).find(
			(s) => s.title === 'Generate Text Embeddings',
		)!;
		const run = await embed(
			{
				model: byId(input.body.model),
				inputType: input.body.input_type,
				embeddingTypes: input.body.embedding_types,
				output: 'raw',
				options: { truncate: input.body.truncate },
			},
			input.body.texts.map((text: string) => ({ json: { text } })),
		);
		expect(bodies()).toEqual([input.body]);
		expect(run.items.map((i) => i.json)).toEqual([output]);
		expect(run.items[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});

	test('every embedding type, output dimension, Only the Embedding under a custom field name', async () => {
		const types = ['float', 'int8', 'uint8', 'binary', 'ubinary', 'base64'];
		const run = await embed(
			{
				embeddingTypes: types,
				output: 'embeddingOnly',
				fieldName: 'vectors',
				options: { outputDimension: '256', maxTokens: 128, truncate: 'START' },
			},
			textItems(2),
		);
		expect(bodies()[0]).toMatchObject({
			embedding_types: types,
			output_dimension: 256,
			max_tokens: 128,
			truncate: 'START',
		});
		const vectors = run.items[0].json.vectors as Record<string, unknown[] | string>;
		expect(Object.keys(run.items[0].json)).toEqual(['vectors']);
		expect(Object.keys(vectors)).toEqual(types);
		expect((vectors.float as number[]).length).toBe(256);
		expect((vectors.binary as number[]).length).toBe(32);
		expect(typeof vectors.base64).toBe('string');
	});

	test('Embed 5 takes every dimension from 256 to 2048; embed-v4.0 is refused one it does not take, naming the option, before sending', async () => {
		for (const [model, dimension] of [
			['embed-v5.0-pro', '768'],
			['embed-v5.0-fast', '2048'],
		]) {
			ctx.emulator.reset();
			const run = await embed(
				{ model: byId(model), options: { outputDimension: dimension } },
				textItems(2),
			);
			expect(run.error).toBeUndefined();
			expect(bodies()[0]).toMatchObject({ model, output_dimension: Number(dimension) });
			expect((run.items[0].json.embedding as number[]).length).toBe(Number(dimension));
		}
		ctx.emulator.reset();
		const refused = await embed(
			{ model: byId('embed-v4.0'), options: { outputDimension: '768' } },
			textItems(2),
		);
		expect(refused.error?.message).toBe(
			'Output Dimension 768 is not one that embed-v4.0 takes (256, 512, 1024, 1536)',
		);
		expect(ctx.emulator.requests).toHaveLength(0);
	});

	test('Concurrent Requests bounds the requests in flight', async () => {
		ctx.emulator.latencyMs = 100;
		const run = await embed({ options: { concurrency: 3, batchSize: 10 } }, textItems(100));
		expect(run.items).toHaveLength(100);
		expect(ctx.emulator.requests).toHaveLength(10);
		expect(ctx.emulator.maxInFlight).toBe(3);
	});

	test('billed units are summed into an execution hint', async () => {
		const run = await embed({}, textItems(120));
		const hints = run.run.data.resultData.runData.Cohere[0].hints;
		expect(hints).toEqual([
			expect.objectContaining({
				message: 'Cohere billed 360 input tokens for 120 inputs in 2 requests',
			}),
		]);
	});
});

describe('Cohere Embed: bad items and failures', () => {
	test('an empty text is refused before any request, naming the item', async () => {
		const run = await embed({}, [{ json: { text: 'a' } }, { json: { text: ' ' } }]);
		expect(run.error?.message).toBe('The parameter "Text" is empty in item 1');
		expect(ctx.emulator.requests).toHaveLength(0);
	});

	test('Skip Empty Texts passes them through with no embedding; Continue On Fail makes them error items', async () => {
		const items = [{ json: { text: 'a' } }, { json: { text: '' } }, { json: { text: 'c' } }];
		const skipped = await embed({ options: { skipEmpty: true } }, items);
		expect(skipped.items.map((i) => [i.json.text, i.json.embedding === null])).toEqual([
			['a', false],
			['', true],
			['c', false],
		]);
		expect(bodies()[0].texts).toEqual(['a', 'c']);
		const errors = await embed({}, items, true);
		expect(errors.items.map((i) => i.json.error ?? 'ok')).toEqual([
			'ok',
			'The parameter "Text" is empty in item 1',
			'ok',
		]);
		expect(errors.items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	test('a failed request fails its items only (Continue On Fail); without it the node fails naming the first item', async () => {
		ctx.emulator.addFault({
			path: '/v2/embed',
			after: 1,
			status: 400,
			message: 'invalid request: too many tokens',
		});
		const run = await embed({ options: { batchSize: 2, concurrency: 1 } }, textItems(5), true);
		expect(run.items.map((i) => (i.json.error ? `error: ${i.json.description}` : 'ok'))).toEqual([
			'ok',
			'ok',
			'error: invalid request: too many tokens',
			'error: invalid request: too many tokens',
			'ok',
		]);
		ctx.emulator.addFault({
			path: '/v2/embed',
			after: 1,
			status: 400,
			message: 'invalid request: too many tokens',
		});
		const failed = await embed({ options: { batchSize: 2, concurrency: 1 } }, textItems(5));
		expect(failed.error?.context?.itemIndex).toBe(2);
		expect(failed.error?.description).toBe('invalid request: too many tokens');
	});

	test('a 429 is retried and no item is lost', async () => {
		ctx.emulator.addFault({
			path: '/v2/embed',
			status: 429,
			times: 2,
			headers: { 'retry-after-ms': '10' },
		});
		const run = await embed({ options: { batchSize: 50 } }, textItems(150));
		expect(run.items.filter((i) => Array.isArray(i.json.embedding))).toHaveLength(150);
	});
});

describe('Cohere Embed: images', () => {
	test('Text or Image: image items go in their own request as data URIs with input_type image', async () => {
		const items: INodeExecutionData[] = [
			{ json: { text: 'a caption' } },
			{ json: {}, binary: { data: png() } },
			{ json: { text: 'another' } },
			{ json: {}, binary: { data: png(24) } },
		];
		const run = await embed({ input: 'auto', inputType: 'search_document' }, items);
		expect(run.error).toBeUndefined();
		const sent = bodies();
		expect(sent).toEqual([
			{
				model: 'embed-v4.0',
				input_type: 'search_document',
				texts: ['a caption', 'another'],
				embedding_types: ['float'],
			},
			{
				model: 'embed-v4.0',
				input_type: 'image',
				images: [`data:image/png;base64,${png().data}`, `data:image/png;base64,${png(24).data}`],
				embedding_types: ['float'],
			},
		]);
		expect(run.items.every((i) => Array.isArray(i.json.embedding))).toBe(true);
		expect(run.items[1].json.embedding).toEqual(
			fakeEmbedding(`embed-v4.0:data:image/png;base64,${png().data}`, 1536),
		);
	});

	test('Embed v3 models take one image per request; bad types are refused', async () => {
		await embed({ input: 'image', model: byId('embed-english-v3.0') }, [
			{ json: {}, binary: { data: png() } },
			{ json: {}, binary: { data: png(8) } },
		]);
		expect(bodies().map((b) => b.images.length)).toEqual([1, 1]);
		const bad = await embed({ input: 'image' }, [
			{ json: {}, binary: { data: { data: 'eA==', mimeType: 'application/pdf' } } },
		]);
		expect(bad.error?.message).toBe(
			'Binary property "data" of item 0 is application/pdf, which is not supported',
		);
	});
});

describe('Cohere Embed: OpenAI-compatible', () => {
	test('a gateway at /api/v1: input, encoding_format and input_type sent, data[i].embedding read in order', async () => {
		const run = await runNode({
			type: 'cohereEmbed',
			parameters: {
				api: 'openai',
				compatibleModel: 'cohere_english_v3',
				compatiblePath: '/api/v1',
				inputType: 'clustering',
			},
			credentials: ctx.credentials(),
			items: textItems(3),
		});
		expect(bodies('/api/v1/embeddings')).toEqual([
			{
				model: 'cohere_english_v3',
				input: ['text 0', 'text 1', 'text 2'],
				encoding_format: 'float',
				input_type: 'clustering',
			},
		]);
		expect(run.items.map((i) => i.json.embedding)).toEqual(
			[0, 1, 2].map((i) => fakeEmbedding(`cohere_english_v3:text ${i}`, 1024)),
		);
	});

	test('Model and API Path from expressions that give no text: read as text (the path once crashed on .trim), an empty model refused by name', async () => {
		const run = await runNode({
			type: 'cohereEmbed',
			parameters: {
				api: 'openai',
				compatibleModel: '={{ $json.model }}',
				compatiblePath: '={{ $json.path }}',
				inputType: 'clustering',
			},
			credentials: ctx.credentials(),
			items: [{ json: { text: 'a', model: 'cohere_english_v3', path: ['api', 'v1'] } }],
		});
		// An array path is sent as its JSON text: a wrong path Cohere answers 404 for, never a crash.
		expect(run.error?.message).toMatch(/not found \(404\)/);
		expect(ctx.emulator.requests.map((r) => r.path)).toEqual(['/[%22api%22,%22v1%22]/embeddings']);
		const empty = await runNode({
			type: 'cohereEmbed',
			parameters: { api: 'openai', compatibleModel: '={{ $json.model }}', inputType: 'clustering' },
			credentials: ctx.credentials(),
			items: [{ json: { text: 'a' } }],
		});
		expect(empty.error?.message).toBe('The parameter "Model" is empty in item 0');
	});
});
