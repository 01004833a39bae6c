/*
 * The key's pace through n8n's engine, against an emulator that limits as Cohere does (per key, endpoint and
 * model, embed by inputs, trial headers, Cohere's wording, no Retry-After), with Cohere's minute scaled down
 * to TEST_WINDOW_MS on both sides. The pace's rules on their own: test/unit/pacer.test.ts.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { embedRows, runNode, supplyData } from './harness';
import { pacing, TEST_WINDOW_MS, useEmulator } from './setup';
import { byId } from '../fixtures';

const ctx = useEmulator();
const TRIAL = 'trial-key';

// The first requests of a test process are slow to leave (code not yet compiled): one run on the unlimited
// key first, so that the trial key's windows are measured on requests that leave when counted.
beforeAll(async () => {
	await chat(questions(20, 'warm-up'), {}, 'test-key');
});

beforeEach(() => {
	ctx.emulator.apiKeys.add(TRIAL);
	ctx.emulator.limitLikeCohere({ keys: { [TRIAL]: 'trial' }, windowMs: TEST_WINDOW_MS });
});

const questions = (count: number, tag = 'q') =>
	Array.from({ length: count }, (_, i) => ({ json: { q: `${tag} ${i}` } }));
function chat(items: INodeExecutionData[], options = {}, apiKey = TRIAL) {
	return runNode({
		type: 'cohereChat',
		parameters: { api: 'v2', model: byId('command-a-03-2025'), prompt: '={{ $json.q }}', options },
		credentials: ctx.credentials({ apiKey }),
		items,
		continueOnFail: true,
	});
}
const answered = (run: { items: INodeExecutionData[] }, items: INodeExecutionData[]) =>
	expect(run.items.map((item) => [item.json.text, item.pairedItem])).toEqual(
		items.map((item, index) => [`Answer to: ${String(item.json.q)}`, { item: index }]),
	);
const chatRequests = () => ctx.emulator.requestsTo('/v2/chat');

describe("the key's pace, learned from Cohere's answers", () => {
	test('a trial key: its headers set 20 a window before any 429; 50 items in three windows, no 429', async () => {
		const items = questions(50);
		const started = Date.now();
		const run = await chat(items);
		const seconds = (Date.now() - started) / 1000;
		answered(run, items);
		// On a busy test machine a cold burst can reach the emulator later than counted (by up to 200 ms,
		// against a margin of 250): one 429 at most.
		expect(ctx.emulator.rateLimited).toBeLessThanOrEqual(1);
		expect(chatRequests().length - ctx.emulator.rateLimited).toBe(50);
		// Items 41 to 50 go two windows in, when the first window's places free again.
		expect(seconds).toBeGreaterThanOrEqual(2 * (TEST_WINDOW_MS / 1000));
		expect(seconds).toBeLessThan(4 * (TEST_WINDOW_MS / 1000));
		expect(pacing.pacingState()).toEqual([
			expect.objectContaining({ limit: 20, ceiling: 20, source: 'headers' }),
		]);
		const sentAt = chatRequests().map((r) => r.receivedAt);
		// Never more than 20 within one window (counted where no request was refused).
		if (ctx.emulator.rateLimited === 0)
			for (let i = 20; i < sentAt.length; i++)
				expect(sentAt[i] - sentAt[i - 20]).toBeGreaterThanOrEqual(TEST_WINDOW_MS);
	});

	test('the next execution starts at the learned pace, and three executions at once share it', async () => {
		await chat(questions(5, 'warm'));
		ctx.emulator.reset();
		ctx.emulator.limitLikeCohere({ keys: { [TRIAL]: 'trial' }, windowMs: TEST_WINDOW_MS });
		const sets = [questions(15, 'a'), questions(15, 'b'), questions(15, 'c')];
		const runs = await Promise.all(sets.map((items) => chat(items)));
		runs.forEach((run, i) => answered(run, sets[i]));
		expect(ctx.emulator.rateLimited).toBe(0);
		expect(chatRequests()).toHaveLength(45);
	});

	test('Embed is paced by inputs: 4,000 texts in 42 requests, at most one 429 a window', async () => {
		const { run } = await embedRows(4000, ctx.credentials());
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(4000);
		expect(run.items[3999]).toMatchObject({ pairedItem: { item: 3999 } });
		expect(run.items.every((item) => Array.isArray(item.json.embedding))).toBe(true);
		const answeredRequests = ctx.emulator.exchanges.filter((x) => x.path === '/v2/embed');
		expect(answeredRequests).toHaveLength(42);
		expect(ctx.emulator.rateLimited).toBeLessThanOrEqual(3);
	});

	test('a pinned Concurrent Requests on a trial key is paced too: no item fails, without retries', async () => {
		const items = questions(30);
		const run = await chat(items, { concurrency: 2, maxRetries: 0 });
		answered(run, items);
	});

	test('the node says when the limit held it back: an execution hint with the limit and the time', async () => {
		const run = await chat(questions(45));
		const hints = run.run.data.resultData.runData.Cohere[0].hints;
		expect(hints).toEqual([
			expect.objectContaining({
				type: 'info',
				location: 'outputPane',
				message: expect.stringMatching(
					/^Paced by Cohere's rate limit: requests waited [1-3] s in all \(POST \/v2\/chat command-a-03-2025: 20 calls per 1 s, as the key's headers say\)\. Other executions on the same key share the limit\.$/,
				),
			}),
		]);
		const unpaced = await chat(questions(3), {}, 'test-key');
		expect(unpaced.run.data.resultData.runData.Cohere[0].hints).toEqual([]);
	});

	test("the AI sub-nodes keep the same pace: the Chat Model's calls after a Chat run's share its window", async () => {
		await chat(questions(15, 'node'));
		const { response: model } = await supplyData({
			type: 'cohereChatModel',
			parameters: { model: byId('command-a-03-2025') },
			credentials: ctx.credentials({ apiKey: TRIAL }),
			connectionType: 'ai_languageModel',
		});
		const answers = await Promise.all(
			Array.from({ length: 10 }, async (_, i) => await model.invoke([['human', `agent ${i}`]])),
		);
		expect(answers.map((answer: { text: string }) => answer.text)).toEqual(
			Array.from({ length: 10 }, (_, i) => `Answer to: agent ${i}`),
		);
		expect(ctx.emulator.rateLimited).toBe(0);
		// 15 + 10 calls: the last five waited for the window the node run's calls opened.
		const sentAt = chatRequests().map((r) => r.receivedAt);
		expect(sentAt[24] - sentAt[4]).toBeGreaterThanOrEqual(TEST_WINDOW_MS);
	});

	test("a trial key's monthly calls used up fail at once, with words that say so", async () => {
		ctx.emulator.limitLikeCohere({
			keys: { [TRIAL]: 'trial' },
			windowMs: TEST_WINDOW_MS,
			monthlyCalls: 2,
		});
		const run = await chat(questions(3), { concurrency: 1, maxRetries: 5 });
		expect(run.items.slice(0, 2).map((item) => item.json.text)).toEqual([
			'Answer to: q 0',
			'Answer to: q 1',
		]);
		expect(run.items[2].json).toMatchObject({
			error: expect.stringMatching(/^The API key's monthly calls are used up \(429\)/),
			description: expect.stringContaining('limited to 2 API calls / month'),
		});
		expect(chatRequests()).toHaveLength(3);
	});
});
