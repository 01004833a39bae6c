/* Numeric options: refused naming the option, items in = items out, nothing sent. */
import { runNode } from '../harness';
import { useEmulator } from '../setup';
import { byId, texts } from '../../fixtures';
import { checkKey } from './foreignServer';
import { WORKING_NODES, workingNode } from '../../nodes';
import { badBatching, badOptions } from './badOptions';

const ctx = useEmulator();

describe('numeric options: refused naming the option, items in = items out, nothing sent', () => {
	const cases = WORKING_NODES.flatMap((node) =>
		[...badOptions, ...(node.batching ? badBatching : [])]
			.filter(([, options]) => !('batchDelay' in options) || node.name !== 'Embed')
			.filter(([, options]) => !('batchDelay' in options) || node.name !== 'Rerank')
			.filter(([, options]) => !('batchDelay' in options) || node.name !== 'Classify')
			.map(([label, options, message]) => [node.name, label, node, options, message] as const),
	);

	test.each(cases)('%s, %s', async (_name, _label, node, options, message) => {
		const items = node.items ?? texts('red apples', 'green pears', 'bananas');
		const stopped = await runNode({
			type: node.type,
			parameters: { ...node.parameters, options },
			credentials: ctx.credentials(),
			items,
		});
		expect(stopped.error?.message).toMatch(message);
		expect(stopped.items).toEqual([]);

		const continued = await runNode({
			type: node.type,
			parameters: { ...node.parameters, options },
			credentials: ctx.credentials(),
			items,
			continueOnFail: true,
		});
		expect(continued.items).toHaveLength(items.length);
		continued.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(String(item.json.error)).toMatch(message);
		});
		expect(ctx.emulator.requests).toEqual([]);
	});

	test('every node runs with its options at their limits (the ranges are not too strict)', async () => {
		for (const node of WORKING_NODES) {
			ctx.emulator.reset();
			const run = await runNode({
				type: node.type,
				parameters: {
					...node.parameters,
					options: {
						timeout: 86400,
						maxRetries: 10,
						...(node.batching ? { concurrency: '64' } : {}),
					},
				},
				credentials: ctx.credentials(),
				items: texts('red apples', 'green pears'),
			});
			expect([node.name, run.error?.message]).toEqual([node.name, undefined]);
			expect(ctx.emulator.requests.length).toBeGreaterThan(0);
		}
	});

	test('a hanging server with Timeout 1 fails after about 1 s, on an operation other than Create too', async () => {
		ctx.emulator.addFault({ path: '/v1/embed-jobs', kind: 'hang' });
		const started = Date.now();
		const run = await runNode({
			type: 'cohereEmbedJobs',
			parameters: { resource: 'embedJob', operation: 'list', options: { timeout: 1 } },
			credentials: ctx.credentials(),
		});
		expect(run.error?.message).toBe(
			'Cohere did not answer within 1 s: raise the Timeout option or send less per request',
		);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('Max Retries 10 against a server that always answers 503 ends (retries are bounded)', async () => {
		ctx.emulator.addFault({
			path: '/v1/check-api-key',
			status: 503,
			times: Infinity,
			headers: { 'retry-after-ms': '1' },
		});
		const run = await runNode({ ...checkKey({ maxRetries: 10 }), credentials: ctx.credentials() });
		expect(run.error?.description).toContain('(gave up after 11 attempts)');
		expect(ctx.emulator.requestsTo('/v1/check-api-key')).toHaveLength(11);
	});

	test('Summarize Max Part Size 0 or negative is refused at once, not after blocking the event loop', async () => {
		for (const maxPartCharacters of [0, -5]) {
			const started = Date.now();
			const run = await runNode({
				type: 'cohereSummarize',
				parameters: { method: 'chat', text: 'x'.repeat(5000), options: { maxPartCharacters } },
				credentials: ctx.credentials(),
			});
			expect(run.error?.message).toMatch(
				new RegExp(
					`^The parameter "Max Part Size \\(Characters\\)" must be a whole number of at least 1000, not ${maxPartCharacters}`,
				),
			);
			expect(Date.now() - started).toBeLessThan(2000);
		}
	});

	test('Chat Temperature NaN, Top N -1 and Limit 0 are refused naming them', async () => {
		const chat = await runNode({
			type: 'cohereChat',
			parameters: { ...workingNode('Chat').parameters, options: { temperature: Number.NaN } },
			credentials: ctx.credentials(),
			items: texts('hi'),
		});
		expect(chat.error?.message).toMatch(
			/^The parameter "Temperature" must be a number from 0 to 2, not NaN \(item 0\)$/,
		);
		const rerank = await runNode({
			type: 'cohereRerank',
			parameters: { model: byId('rerank-v3.5'), query: 'apples', topN: -1 },
			credentials: ctx.credentials(),
			items: texts('a', 'b'),
		});
		expect(rerank.error?.message).toMatch(
			/^The parameter "Top N" must be a whole number of at least 0, not -1/,
		);
		const models = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: false, limit: 0 },
			credentials: ctx.credentials(),
		});
		expect(models.error?.message).toMatch(
			/^The parameter "Limit" must be a whole number of at least 1, not 0/,
		);
		expect(ctx.emulator.requests).toEqual([]);
	});
});
