/*
 * Fast unit tests of the shared runner (processItems, runNode, getBatching), the pool and the embedding
 * batches, on a small stand-in for n8n's execute context: no engine, no server. The engine-level suites run
 * the same code through n8n's WorkflowExecute; these pin its rules one by one.
 */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BatchResult, EmbedEntry } from '../../nodes/shared/cohere/embedBatches';
import {
	perItemOutput,
	planEntries,
	responseItems,
	runBatches,
} from '../../nodes/shared/cohere/embedBatches';
import { pack, runPool } from '../../nodes/shared/run/pool';
import { processItems } from '../../nodes/shared/run/processItems';
import { getBatching, runNode } from '../../nodes/shared/run/runNode';
import { testNode } from '../fixtures';

const node = testNode;

/** The parts of IExecuteFunctions the runner uses. */
function context(itemCount: number, { continueOnFail = false, options = {} } = {}) {
	const items: INodeExecutionData[] = Array.from({ length: itemCount }, (_, i) => ({
		json: { i },
	}));
	return {
		getNode: () => node,
		getInputData: () => items,
		continueOnFail: () => continueOnFail,
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			name === 'options' ? options : fallback,
	} as unknown as IExecuteFunctions;
}

const tick = async () => await new Promise((resolve) => setImmediate(resolve));

describe('processItems', () => {
	test('keeps input order and pairs every output item, whatever order the answers come in', async () => {
		const ctx = context(6);
		const output = await processItems.call(
			ctx,
			async (itemIndex) => {
				// Later items answer first.
				for (let t = 0; t < 6 - itemIndex; t++) await tick();
				return [{ json: { answer: itemIndex } }];
			},
			{ concurrency: 3 },
		);
		expect(output.map((item) => item.json.answer)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(output.map((item) => item.pairedItem)).toEqual(
			[0, 1, 2, 3, 4, 5].map((item) => ({ item })),
		);
	});

	test('never has more than the concurrency in flight', async () => {
		let inFlight = 0;
		let peak = 0;
		await processItems.call(
			context(20),
			async () => {
				inFlight++;
				peak = Math.max(peak, inFlight);
				await tick();
				inFlight--;
				return [{ json: {} }];
			},
			{ concurrency: 4 },
		);
		expect(peak).toBe(4);
	});

	test('an item may answer with several items, each paired to it; its own pairing is kept', async () => {
		const output = await processItems.call(context(2), async (itemIndex) =>
			itemIndex === 0
				? [{ json: { a: 1 } }, { json: { a: 2 } }]
				: [{ json: { b: 1 }, pairedItem: { item: 1, input: 0 } }],
		);
		expect(output).toEqual([
			{ json: { a: 1 }, pairedItem: { item: 0 } },
			{ json: { a: 2 }, pairedItem: { item: 0 } },
			{ json: { b: 1 }, pairedItem: { item: 1, input: 0 } },
		]);
	});

	test('Continue On Fail: a failing item becomes an error item in its place, the others go on', async () => {
		const output = await processItems.call(
			context(4, { continueOnFail: true }),
			async (itemIndex) => {
				if (itemIndex === 2) throw new Error('bad row');
				return [{ json: { ok: itemIndex } }];
			},
			{ concurrency: 2 },
		);
		expect(output).toEqual([
			{ json: { ok: 0 }, pairedItem: { item: 0 } },
			{ json: { ok: 1 }, pairedItem: { item: 1 } },
			{ json: { error: 'bad row' }, pairedItem: { item: 2 } },
			{ json: { ok: 3 }, pairedItem: { item: 3 } },
		]);
	});

	test('without Continue On Fail the first failing item in input order stops the node, named', async () => {
		const started: number[] = [];
		const run = processItems.call(
			context(10),
			async (itemIndex) => {
				started.push(itemIndex);
				// Item 3 fails after item 1 has (item 1 is slower), yet item 1 is the one reported.
				if (itemIndex === 1) {
					await tick();
					await tick();
					throw new Error('first');
				}
				if (itemIndex === 3) throw new Error('second');
				await tick();
				return [{ json: {} }];
			},
			{ concurrency: 4 },
		);
		const error = await run.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('first');
		expect((error as NodeOperationError).context.itemIndex).toBe(1);
		// No new item starts after a failure.
		expect(started.length).toBeLessThan(10);
	});

	test('an API error stays a NodeApiError and names the item', async () => {
		const apiError = new NodeApiError(node, { message: 'quota' }, { httpCode: '429' });
		const error = await processItems
			.call(context(2), async (itemIndex) => {
				if (itemIndex === 1) throw apiError;
				return [{ json: {} }];
			})
			.catch((e: unknown) => e);
		expect(error).toBe(apiError);
		expect((error as NodeApiError).context.itemIndex).toBe(1);
	});

	test('with a delay, items go in batches of the concurrency, one batch after the other', async () => {
		const events: string[] = [];
		await processItems.call(
			context(5),
			async (itemIndex) => {
				events.push(`start ${itemIndex}`);
				await tick();
				events.push(`end ${itemIndex}`);
				return [{ json: {} }];
			},
			{ concurrency: 2, delayBetweenBatchesMs: 1 },
		);
		expect(events).toEqual([
			'start 0',
			'start 1',
			'end 0',
			'end 1',
			'start 2',
			'start 3',
			'end 2',
			'end 3',
			'start 4',
			'end 4',
		]);
	});

	test.each([0, -1, 1.5, Number.NaN])(
		'refuses a concurrency of %p instead of running nothing',
		async (concurrency) => {
			await expect(
				processItems.call(context(1), async () => [{ json: {} }], { concurrency }),
			).rejects.toThrow(/^Invalid batching/);
		},
	);

	test('zero output items is a valid answer for an item (a filter-like operation)', async () => {
		const worker = jest.fn(async () => [] as INodeExecutionData[]);
		await expect(processItems.call(context(2), worker)).resolves.toEqual([]);
		expect(worker).toHaveBeenCalledTimes(2);
	});
});

describe('runNode', () => {
	test('a node-wide failure with Continue On Fail becomes one error item per input item', async () => {
		const output = await runNode.call(context(3, { continueOnFail: true }), async () => {
			throw new Error('The examples could not be embedded');
		});
		expect(output).toEqual([
			[0, 1, 2].map((item) => ({
				json: { error: 'The examples could not be embedded' },
				pairedItem: { item },
			})),
		]);
	});

	test('without Continue On Fail it throws the failure as a node error', async () => {
		await expect(
			runNode.call(context(1), async () => {
				throw new Error('nope');
			}),
		).rejects.toBeInstanceOf(NodeOperationError);
	});
});

describe('getBatching', () => {
	test('Auto when the options are empty (the runner works on 32 items at once), the options when set', () => {
		expect(getBatching.call(context(1))).toEqual({ concurrency: 32, delayBetweenBatchesMs: 0 });
		expect(getBatching.call(context(1, { options: { concurrency: 0 } }))).toEqual({
			concurrency: 32,
			delayBetweenBatchesMs: 0,
		});
		expect(getBatching.call(context(1, { options: { concurrency: 7, batchDelay: 250 } }))).toEqual({
			concurrency: 7,
			delayBetweenBatchesMs: 250,
		});
	});

	test.each([
		[{ concurrency: 65 }, /Concurrent Requests/],
		[{ concurrency: -1 }, /Concurrent Requests/],
		[{ concurrency: 2.5 }, /Concurrent Requests/],
		[{ batchDelay: -1 }, /Delay Between Batches/],
		[{ concurrency: 'many' }, /Concurrent Requests/],
	])('refuses %p naming the option', (options, message) => {
		expect(() => getBatching.call(context(1, { options }))).toThrow(message);
	});
});

describe('pool', () => {
	test('pack: by count, and by weight without ever leaving an entry out', () => {
		expect(pack([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
		expect(pack([5, 5, 5, 20, 1], 10, (n) => n, 10)).toEqual([[5, 5], [5], [20], [1]]);
		expect(pack([], 96)).toEqual([]);
	});

	test('runPool runs every index once and stops starting new ones when told', async () => {
		const seen: number[] = [];
		await runPool(10, 3, async (index) => {
			seen.push(index);
		});
		expect(seen.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		const started: number[] = [];
		await runPool(
			10,
			1,
			async (index) => {
				started.push(index);
			},
			() => started.length >= 3,
		);
		expect(started).toEqual([0, 1, 2]);
	});
});

describe('embedding batches', () => {
	const texts = (count: number): EmbedEntry[] =>
		Array.from({ length: count }, (_, itemIndex) => ({ itemIndex, text: `t${itemIndex}` }));
	const settings = { textBatchSize: 96, imageBatchSize: 1, maxImageBytes: 10, concurrency: 2 };
	const echo = async (batch: EmbedEntry[]): Promise<BatchResult> => ({
		embeddings: batch.map((entry) => [entry.itemIndex]),
		response: { size: batch.length },
		billedTokens: batch.length,
	});

	test('planEntries: skipped items and refused items (Continue On Fail) are kept apart', async () => {
		const plan = await planEntries.call(context(4, { continueOnFail: true }), async (i) => {
			if (i === 1) return 'skip';
			if (i === 2) throw new Error('The parameter "Text" is empty in item 2');
			return { itemIndex: i, text: `t${i}` };
		});
		expect(plan.entries.map((entry) => entry.itemIndex)).toEqual([0, 3]);
		expect([...plan.skipped]).toEqual([1]);
		expect(plan.failed.get(2)).toEqual({
			json: { error: 'The parameter "Text" is empty in item 2' },
			pairedItem: { item: 2 },
		});
	});

	test('planEntries without Continue On Fail refuses before anything is sent', async () => {
		await expect(
			planEntries.call(context(2), async (i) => {
				if (i === 1) throw new Error('bad');
				return { itemIndex: i, text: 'x' };
			}),
		).rejects.toMatchObject({ message: 'bad', context: { itemIndex: 1 } });
	});

	test('runBatches: 250 texts in requests of 96, 96 and 58; images apart, within their bytes', async () => {
		const sent: number[][] = [];
		const entries: EmbedEntry[] = [
			...texts(250),
			{ itemIndex: 250, image: 'data:a', imageBytes: 6 },
			{ itemIndex: 251, image: 'data:b', imageBytes: 6 },
		];
		const { results, billedTokens } = await runBatches.call(
			context(252),
			entries,
			{ ...settings, imageBatchSize: 5 },
			async (batch) => {
				sent.push(batch.map((entry) => entry.itemIndex));
				return await echo(batch);
			},
		);
		expect(sent.map((batch) => batch.length)).toEqual([96, 96, 58, 1, 1]);
		expect(results.every((outcome) => outcome.result)).toBe(true);
		expect(billedTokens).toBe(252);
	});

	test('runBatches refuses an answer with the wrong number of embeddings, naming the first item', async () => {
		await expect(
			runBatches.call(context(3), texts(3), settings, async () => ({
				embeddings: [[1]],
				response: {},
				billedTokens: 0,
			})),
		).rejects.toMatchObject({
			message: 'Cohere returned 1 embeddings for 3 inputs',
			context: { itemIndex: 0 },
		});
	});

	test('perItemOutput: one item per input in order; a failed request fails only its own items', async () => {
		const ctx = context(5, { continueOnFail: true });
		const plan = await planEntries.call(ctx, async (i) =>
			i === 4 ? 'skip' : { itemIndex: i, text: `t${i}` },
		);
		const { results } = await runBatches.call(
			ctx,
			plan.entries,
			{ ...settings, textBatchSize: 2 },
			async (batch) => {
				if (batch[0].itemIndex === 2) throw new Error('503 from Cohere');
				return await echo(batch);
			},
		);
		const output = perItemOutput.call(ctx, plan, results, (itemIndex, value) => ({
			json: { value: (value ?? null) as number[] | null },
			pairedItem: { item: itemIndex },
		}));
		expect(output).toEqual([
			{ json: { value: [0] }, pairedItem: { item: 0 } },
			{ json: { value: [1] }, pairedItem: { item: 1 } },
			{ json: { error: '503 from Cohere' }, pairedItem: { item: 2 } },
			{ json: { error: '503 from Cohere' }, pairedItem: { item: 3 } },
			{ json: { value: null }, pairedItem: { item: 4 } },
		]);
		// Raw output: one item per request, paired to every item it carried.
		expect(responseItems(plan, results)).toEqual([
			{ json: { size: 2 }, pairedItem: [{ item: 0 }, { item: 1 }] },
			{ json: { error: '503 from Cohere' }, pairedItem: { item: 2 } },
			{ json: { error: '503 from Cohere' }, pairedItem: { item: 3 } },
		]);
	});
});
