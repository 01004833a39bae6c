/*
 * "Concurrent Requests: Auto" through n8n's engine against the emulator: the lanes of one run share one pause
 * on a 429, Auto halves and grows back, rate limits under Auto fail no item, order and pairing are kept.
 * The limiter's rules on their own: test/unit/limiter.test.ts.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { embedRows, runNode } from './harness';
import { useEmulator } from './setup';
import { byId } from '../fixtures';

const ctx = useEmulator();

function chat(
	options: IDataObject,
	items: INodeExecutionData[],
	{ continueOnFail = false, prompt = '={{ $json.q }}' } = {},
) {
	return runNode({
		type: 'cohereChat',
		parameters: { api: 'v2', model: byId('command-a-03-2025'), prompt, options },
		credentials: ctx.credentials(),
		items,
		continueOnFail,
	});
}
const questions = (count: number) =>
	Array.from({ length: count }, (_, i) => ({ json: { q: `question ${i}` } }));
const answersInOrder = (run: { items: INodeExecutionData[] }, items: INodeExecutionData[]) =>
	expect(run.items.map((item) => [item.json.text, item.pairedItem])).toEqual(
		items.map((item, index) => [`Answer to: ${String(item.json.q)}`, { item: index }]),
	);

/** The emulator's requests in flight, sampled every few ms while a run goes on. */
function sampleInFlight() {
	const samples: Array<{ at: number; inFlight: number }> = [];
	const timer = setInterval(
		() => samples.push({ at: Date.now(), inFlight: ctx.emulator.inFlight }),
		3,
	);
	return {
		stop: () => clearInterval(timer),
		peak: (from: number, to = Infinity) =>
			Math.max(0, ...samples.filter((s) => s.at >= from && s.at < to).map((s) => s.inFlight)),
	};
}

describe('Concurrent Requests: Auto, in the engine', () => {
	test('by default up to 32 requests in flight at once, output in input order and paired', async () => {
		ctx.emulator.latencyMs = 60;
		const items = questions(80);
		const run = await chat({}, items);
		expect(run.error).toBeUndefined();
		expect(ctx.emulator.maxInFlight).toBe(32);
		answersInOrder(run, items);
	});

	test('one 429 pauses every lane for the time Cohere names, then Auto sends half as many and grows back', async () => {
		ctx.emulator.latencyMs = 40;
		ctx.emulator.addFault({
			path: '/v2/chat',
			after: 40,
			status: 429,
			headers: { 'retry-after-ms': '300' },
		});
		const items = questions(160);
		const inFlight = sampleInFlight();
		const run = await chat({}, items);
		inFlight.stop();
		expect(run.error).toBeUndefined();
		answersInOrder(run, items);
		const requests = ctx.emulator.requestsTo('/v2/chat');
		expect(requests).toHaveLength(161);
		// The 41st request was answered 429 after the 40 ms latency: from then on, 300 ms of pause for all.
		// (Requests that took their place just before can reach the wire a little later, more so on a
		// busy machine: the check starts 150 ms in.)
		const pausedAt = requests[40].receivedAt + 40;
		const sentDuringPause = requests.filter(
			(r) => r.receivedAt > pausedAt + 150 && r.receivedAt < pausedAt + 290,
		);
		expect(sentDuringPause).toHaveLength(0);
		// When the pause ends, the limited request goes first, and at most 16 go out before the first of
		// them is answered (Auto halved from 32).
		const resumed = requests.filter((r) => r.receivedAt >= pausedAt + 290);
		expect(resumed.slice(0, 16).map((r) => (r.body as any).messages[0].content)).toContain(
			'question 40',
		);
		const firstAnswer = resumed[0].receivedAt + 40;
		expect(resumed.filter((r) => r.receivedAt < firstAnswer).length).toBeLessThanOrEqual(16);
		// Then more as answers come back fine.
		expect(inFlight.peak(firstAnswer)).toBeGreaterThan(16);
	});

	test('under a rate limit no item fails, and the 429s Auto absorbs do not use up Max Retries', async () => {
		ctx.emulator.rateLimit = { limit: 10, windowMs: 300, exactRetryAfter: true };
		const items = questions(40);
		const run = await chat({ maxRetries: 0 }, items);
		expect(run.error).toBeUndefined();
		answersInOrder(run, items);
		// Some requests were answered 429 and sent again.
		expect(ctx.emulator.requestsTo('/v2/chat').length).toBeGreaterThan(40);
	});

	test('a pinned number is paced like Auto: the same limit with 4 and no retries fails no item', async () => {
		ctx.emulator.rateLimit = { limit: 10, windowMs: 300, exactRetryAfter: true };
		const items = questions(40);
		const run = await chat({ concurrency: 4, maxRetries: 0 }, items);
		answersInOrder(run, items);
		expect(ctx.emulator.maxInFlight).toBeLessThanOrEqual(4);
	});

	test('a key with nothing getting through (429s only) fails once a whole Timeout passed without an answer, after Max Retries', async () => {
		ctx.emulator.addFault({
			path: '/v2/chat',
			status: 429,
			times: Infinity,
			headers: { 'retry-after-ms': '20' },
		});
		const started = Date.now();
		const run = await chat({ maxRetries: 2, timeout: 1 }, questions(3));
		expect(run.error?.message).toContain('rate limit');
		expect(run.error?.description).toContain('gave up after 3 attempts');
		// Paced for about the 1 s Timeout, then Max Retries: seconds, not forever.
		expect(Date.now() - started).toBeLessThan(8000);
	});

	test('a run held back for several rounds by executions that share the key (other workers) keeps pacing: no item fails', async () => {
		// Eight 429s in a row before any answer of this run comes back: others took the window. Without a single
		// retry allowed, a run that took each of them as a failure would fail.
		ctx.emulator.addFault({
			path: '/v2/chat',
			status: 429,
			times: 8,
			headers: { 'retry-after-ms': '30' },
		});
		const items = questions(4);
		const run = await chat({ maxRetries: 0 }, items);
		expect(run.error).toBeUndefined();
		answersInOrder(run, items);
		expect(ctx.emulator.requestsTo('/v2/chat').length).toBe(12);
	});

	test("a 429 that says the key's monthly calls are used up is not waited out: it fails at once", async () => {
		ctx.emulator.addFault({
			path: '/v2/chat',
			status: 429,
			times: Infinity,
			message:
				'You are using a Trial key, which is limited to 1000 API calls / month. You can continue to use the Trial key for free or upgrade to a Production key.',
			headers: { 'retry-after-ms': '20' },
		});
		const started = Date.now();
		const run = await chat({ maxRetries: 1 }, questions(1));
		expect(run.error?.message).toMatch(/^The API key's monthly calls are used up \(429\)/);
		expect(run.error?.description).toContain('1000 API calls / month');
		expect(run.error?.description).not.toContain('gave up');
		expect(ctx.emulator.requestsTo('/v2/chat')).toHaveLength(1);
		expect(Date.now() - started).toBeLessThan(5000);
	});

	test('Continue On Fail under Auto: the bad item becomes an error item in its place, the rest go through', async () => {
		ctx.emulator.rateLimit = { limit: 8, windowMs: 200, exactRetryAfter: true };
		const items = questions(30);
		items[7] = { json: { q: '' } };
		const run = await chat({}, items, { continueOnFail: true });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(30);
		expect(run.items[7]).toMatchObject({
			json: { error: 'The parameter "Prompt" is empty in item 7' },
			pairedItem: { item: 7 },
		});
		const others = run.items.filter((_, i) => i !== 7);
		expect(others.map((item) => item.json.text)).toEqual(
			items.filter((_, i) => i !== 7).map((item) => `Answer to: ${String(item.json.q)}`),
		);
		expect(
			others.every((item, i) => (item.pairedItem as { item: number }).item === (i < 7 ? i : i + 1)),
		).toBe(true);
	});

	test('1 sends one request at a time, in item order', async () => {
		ctx.emulator.latencyMs = 5;
		const items = questions(12);
		const run = await chat({ concurrency: 1 }, items);
		answersInOrder(run, items);
		expect(ctx.emulator.maxInFlight).toBe(1);
		expect(
			ctx.emulator.requestsTo('/v2/chat').map((r) => (r.body as any).messages[0].content),
		).toEqual(items.map((item) => item.json.q));
	});

	test('Embed under Auto: requests of 96 in parallel, a 429 on one of them is waited out as Cohere asks', async () => {
		ctx.emulator.latencyMs = 30;
		ctx.emulator.addFault({
			path: '/v2/embed',
			after: 3,
			status: 429,
			headers: { 'retry-after-ms': '250' },
		});
		// 40 requests: 32 go out at once, the other 8 when places free.
		const { items, run } = await embedRows(96 * 40, ctx.credentials());
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(items.length);
		expect(run.items[1000].pairedItem).toEqual({ item: 1000 });
		const requests = ctx.emulator.requestsTo('/v2/embed');
		expect(requests).toHaveLength(41);
		// The limited request went again after the 250 ms Cohere named.
		const limited = requests[3];
		const firstText = (r: { rawBody: string }) => JSON.parse(r.rawBody).texts[0] as string;
		const again = requests.slice(4).filter((r) => firstText(r) === firstText(limited));
		expect(again).toHaveLength(1);
		expect(again[0].receivedAt - (limited.receivedAt + 30)).toBeGreaterThanOrEqual(245);
		expect(run.items.map((item) => item.json.embedding !== undefined)).not.toContain(false);
	});
});
