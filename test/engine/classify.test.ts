import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import samples from '../emulator/connector-samples.json';
import { runNode } from './harness';
import { useEmulator } from './setup';
import { byId, texts } from '../fixtures';

const ctx = useEmulator();
const examples = [
	{ text: 'the team won the football match', label: 'sports' },
	{ text: 'a great goal in the soccer game', label: 'sports' },
	{ text: 'the player scored in the final', label: 'sports' },
	{ text: 'bake the bread in the oven', label: 'cooking' },
	{ text: 'a recipe for tomato soup', label: 'cooking' },
	{ text: 'chop the onions and garlic for the sauce', label: 'cooking' },
];
const labelled = [
	['the football team scored a goal', 'sports'],
	['a soup recipe with garlic', 'cooking'],
	['the final match was won by the player', 'sports'],
	['bake a cake in the oven', 'cooking'],
	['onions in the tomato sauce', 'cooking'],
	['soccer game tonight', 'sports'],
];
const items = (texts: string[]): INodeExecutionData[] => texts.map((text) => ({ json: { text } }));

function classify(parameters: IDataObject, input: INodeExecutionData[], continueOnFail = false) {
	return runNode({
		type: 'cohereClassify',
		parameters: {
			method: 'embeddings',
			model: byId('embed-v4.0'),
			examplesSource: 'json',
			examplesJson: JSON.stringify(examples),
			...parameters,
		},
		credentials: ctx.credentials(),
		items: input,
		continueOnFail,
	});
}

describe('Cohere Classify: embeddings', () => {
	test("labels a small labelled set correctly, with confidences, in the shape of Cohere's classify result", async () => {
		const run = await classify({}, items(labelled.map(([text]) => text)));
		expect(run.error).toBeUndefined();
		expect(run.items.map((i) => i.json.prediction)).toEqual(labelled.map(([, label]) => label));
		const first = run.items[0].json as IDataObject & {
			labels: Record<string, { confidence: number }>;
		};
		expect(first).toMatchObject({
			input: 'the football team scored a goal',
			predictions: ['sports'],
			classification_type: 'single-label',
		});
		expect(first.confidence).toBeGreaterThan(0.5);
		expect(first.labels.sports.confidence + first.labels.cooking.confidence).toBeCloseTo(1, 3);
		expect(run.items.map((i) => i.pairedItem)).toEqual(labelled.map((_, item) => ({ item })));
		const sent = ctx.emulator.requestsTo('/v2/embed').map((r) => r.body as any);
		expect(sent.map((b) => [b.input_type, b.texts.length])).toEqual([
			['classification', 6],
			['classification', 6],
		]);
		expect(sent[1].texts).toEqual(labelled.map(([text]) => text));
	});

	test('200 inputs are packed 96 per request; the examples are embedded once', async () => {
		const run = await classify(
			{},
			items(
				Array.from({ length: 200 }, (_, i) => (i % 2 ? `football goal ${i}` : `tomato soup ${i}`)),
			),
		);
		expect(ctx.emulator.requestsTo('/v2/embed').map((r) => (r.body as any).texts.length)).toEqual([
			6, 96, 96, 8,
		]);
		expect(
			run.items.filter((i, n) => i.json.prediction === (n % 2 ? 'sports' : 'cooking')),
		).toHaveLength(200);
	});

	test('bad examples and empty inputs are refused before any request', async () => {
		const oneLabel = await classify(
			{ examplesJson: JSON.stringify(examples.filter((e) => e.label === 'sports')) },
			items(['x']),
		);
		expect(oneLabel.error?.message).toBe(
			'The examples have 1 label; classification needs at least 2',
		);
		const thin = await classify(
			{ examplesJson: JSON.stringify([...examples, { text: 'stocks fell', label: 'finance' }]) },
			items(['x']),
		);
		expect(thin.error?.message).toBe(
			'Each label needs at least 2 examples. Not enough examples for: finance',
		);
		const empty = await classify({}, items(['a goal', '']));
		expect(empty.error?.message).toBe('The parameter "Input" is empty in item 1');
		expect(ctx.emulator.requests).toHaveLength(0);
		const kept = await classify({}, items(['a football goal', '']), true);
		expect(kept.items.map((i) => i.json.prediction ?? i.json.error)).toEqual([
			'sports',
			'The parameter "Input" is empty in item 1',
		]);
	});

	test('examples from the list in the node', async () => {
		const run = await classify(
			{ examplesSource: 'list', examples: { values: examples } },
			items(['bake bread']),
		);
		expect(run.items[0].json.prediction).toBe('cooking');
	});
});

describe('Cohere Classify: chat', () => {
	test('a chat model picks a label constrained to the allowed set, few-shot from the examples', async () => {
		const run = await classify(
			{ method: 'chat', chatModel: byId('command-a-03-2025') },
			items(labelled.map(([text]) => text)),
		);
		expect(run.items.map((i) => i.json.prediction)).toEqual(labelled.map(([, label]) => label));
		expect(run.items[0].json).toMatchObject({
			confidence: null,
			labels: { sports: { confidence: null }, cooking: { confidence: null } },
		});
		const [body] = ctx.emulator.requestsTo('/v2/chat').map((r) => r.body as any);
		expect(body.response_format).toEqual({
			type: 'json_object',
			json_schema: {
				type: 'object',
				properties: { label: { type: 'string', enum: ['sports', 'cooking'] } },
				required: ['label'],
			},
		});
		expect(body.messages[0].content).toContain('- the team won the football match => sports');
		expect(body.messages[1]).toEqual({ role: 'user', content: 'the football team scored a goal' });
	});
});

describe('Cohere Classify: legacy endpoint', () => {
	test('the "Generate Classification" sample: exact request, raw output with simplify off', async () => {
		const { input, output } = (samples as Array<{ title: string; input: any; output: any }>).find(
			(s) => s.title === 'Generate Classification',
		)!;
		const run = await classify(
			{
				method: 'endpoint',
				classifyModel: byId(input.body.model),
				examplesJson: JSON.stringify(input.body.examples),
				simplify: false,
				options: { truncate: input.body.truncate },
			},
			items(input.body.inputs),
		);
		expect(ctx.emulator.requestsTo('/v1/classify').map((r) => r.body)).toEqual([input.body]);
		expect(run.items.map((i) => i.json)).toEqual([output]);
	});

	test('simplified: one classification per item; inputs packed 96 per request', async () => {
		const endpointExamples = [
			{ text: 'great service', label: 'positive' },
			{ text: 'great food here', label: 'positive' },
			{ text: 'awful wait', label: 'negative' },
			{ text: 'cold food', label: 'negative' },
		];
		const texts = Array.from({ length: 100 }, (_, i) =>
			i % 2 ? `great service ${i}` : `awful cold wait ${i}`,
		);
		const run = await classify(
			{
				method: 'endpoint',
				classifyModel: byId('embed-english-v3.0'),
				examplesJson: JSON.stringify(endpointExamples),
			},
			items(texts),
		);
		expect(
			ctx.emulator.requestsTo('/v1/classify').map((r) => (r.body as any).inputs.length),
		).toEqual([96, 4]);
		expect(run.items.map((i) => i.json.prediction)).toEqual(
			texts.map((_, i) => (i % 2 ? 'positive' : 'negative')),
		);
		expect(run.items[99]).toMatchObject({
			json: { input: texts[99], classification_type: 'single-label' },
			pairedItem: { item: 99 },
		});
	});
});

describe('Classify by embeddings never labels without its examples', () => {
	const examples = [
		{ text: 'the team won the football match', label: 'sports' },
		{ text: 'a great goal in the soccer game', label: 'sports' },
		{ text: 'bake the bread in the oven', label: 'cooking' },
		{ text: 'a recipe for tomato soup', label: 'cooking' },
	];
	const classify = (
		items: INodeExecutionData[],
		continueOnFail: boolean,
		options: IDataObject = {},
	) =>
		runNode({
			type: 'cohereClassify',
			parameters: {
				method: 'embeddings',
				model: byId('embed-v4.0'),
				examplesSource: 'json',
				examplesJson: JSON.stringify(examples),
				options: { maxRetries: 0, ...options },
			},
			credentials: ctx.credentials(),
			items,
			continueOnFail,
		});

	test('examples request fails, Continue On Fail: every input is an error item with the API reason', async () => {
		ctx.emulator.addFault({ path: '/v2/embed', status: 500 });
		const inputs = Array.from({ length: 1000 }, (_, i) => ({ json: { text: `text ${i}` } }));
		const run = await classify(inputs, true);
		expect(run.items).toHaveLength(1000);
		run.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toEqual({
				error: 'The examples could not be embedded: Cohere service problem (500): try again later',
				description: 'internal server error, this has been reported to our developers.',
				httpCode: '500',
			});
		});
		// Only the examples request was sent: no input was labelled from nothing.
		expect(ctx.emulator.requestsTo('/v2/embed')).toHaveLength(1);
	});

	test('examples request fails without Continue On Fail: the node fails with the reason, naming no item', async () => {
		ctx.emulator.addFault({ path: '/v2/embed', status: 500 });
		const run = await classify(texts('a football match', 'tomato soup'), false);
		expect(run.error?.message).toBe(
			'The examples could not be embedded: Cohere service problem (500): try again later',
		);
		expect(run.error?.context?.itemIndex).toBeUndefined();
		expect(run.items).toEqual([]);
	});

	test('an inputs request that fails gives its items the real reason (500), the others are labelled', async () => {
		// Request 1: the examples; request 2: the first 96 inputs; request 3: the last 4.
		ctx.emulator.addFault({ path: '/v2/embed', status: 500, after: 2, times: 3 });
		const inputs = Array.from({ length: 100 }, (_, i) => ({
			json: { text: `football goal ${i}` },
		}));
		const run = await classify(inputs, true, { concurrency: 1 });
		expect(run.items).toHaveLength(100);
		expect(run.items.slice(0, 96).every((i) => i.json.prediction === 'sports')).toBe(true);
		expect(run.items.slice(96).map((i) => [i.json.httpCode, i.pairedItem])).toEqual([
			['500', { item: 96 }],
			['500', { item: 97 }],
			['500', { item: 98 }],
			['500', { item: 99 }],
		]);
		expect(String(run.items[96].json.error)).toMatch(/^Cohere service problem \(500\)/);
	});
});
