/* Sizes: 0 items, empty and whitespace, 5 MB, 10,000 items. */
import { runNode } from '../harness';
import { useEmulator } from '../setup';
import { texts } from '../../fixtures';
import { WORKING_NODES, workingNode } from '../../nodes';

const ctx = useEmulator();

describe('sizes: 0 items, empty and whitespace, 5 MB, 10,000 items', () => {
	test.each(WORKING_NODES.map((node) => [node.name, node] as const))(
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
			const node = workingNode(name);
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
			parameters: workingNode('Tokenize').parameters,
			credentials: ctx.credentials(),
			items: texts(big),
		});
		expect(tokenize.error?.message).toBe(
			'The parameter "Text" of item 0 has 5,242,880 characters; Cohere tokenizes at most 65,536',
		);
		expect(ctx.emulator.requests).toEqual([]);
		const chat = await runNode({
			type: 'cohereChat',
			parameters: workingNode('Chat').parameters,
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
			parameters: {
				...workingNode('Tokenize').parameters,
				options: { concurrency: 64, maxRetries: 0 },
			},
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
			parameters: workingNode('Embed').parameters,
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
