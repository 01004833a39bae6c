/* The request limiter behind "Concurrent Requests: Auto", its rules on their own: a fake clock, no server.
 * Through n8n's engine against the emulator: test/engine/limiter.test.ts. The key's pace: pacer.test.ts. */
import {
	AUTO_MAX_CONCURRENCY,
	createLimiter,
	RateLimitTracker,
	RequestLimiter,
} from '../../nodes/shared/transport/limiter';
import { namesMonthlyQuota } from '../../nodes/shared/transport/retry';
import { testNode } from '../fixtures';

const node = testNode;

describe('RequestLimiter rules', () => {
	test('Auto starts at its cap; a fixed number is that number and never changes', () => {
		expect(createLimiter(undefined)).toMatchObject({ adaptive: true, currentLimit: 32 });
		expect(createLimiter(0)).toMatchObject({ adaptive: true, currentLimit: AUTO_MAX_CONCURRENCY });
		const fixed = createLimiter(3);
		expect(fixed).toMatchObject({ adaptive: false, currentLimit: 3 });
		fixed.release({ sequence: 1 }, 'rateLimited');
		fixed.release({ sequence: 2 }, 'success');
		expect(fixed.currentLimit).toBe(3);
	});

	test('one burst of 429s halves once; a later one halves again; never below 1', async () => {
		const limiter = new RequestLimiter(true, 32);
		const acquire = async () => await limiter.acquire(node, undefined);
		// Eight requests sent together all come back 429: one signal.
		const burst = await Promise.all(Array.from({ length: 8 }, acquire));
		for (const slot of burst) limiter.release(slot, 'rateLimited');
		expect(limiter.currentLimit).toBe(16);
		limiter.release(await acquire(), 'rateLimited');
		expect(limiter.currentLimit).toBe(8);
		for (let i = 0; i < 10; i++) limiter.release(await acquire(), 'overloaded');
		expect(limiter.currentLimit).toBe(1);
		expect(limiter.stats).toMatchObject({ rateLimited: 9, lowestLimit: 1 });
	});

	test('grows by about one per round of good answers sent after the cut, up to the cap', async () => {
		const limiter = new RequestLimiter(true, 32);
		const acquire = async () => await limiter.acquire(node, undefined);
		const before = await Promise.all(Array.from({ length: 4 }, acquire));
		limiter.release(await acquire(), 'rateLimited');
		expect(limiter.currentLimit).toBe(16);
		// Answers to requests sent before the cut do not grow it.
		for (const slot of before) limiter.release(slot, 'success');
		expect(limiter.currentLimit).toBe(16);
		for (let i = 0; i < 16; i++) limiter.release(await acquire(), 'success');
		expect(limiter.currentLimit).toBe(17);
		for (let i = 0; i < 2000; i++) limiter.release(await acquire(), 'success');
		expect(limiter.currentLimit).toBe(32);
	});

	test('a retried request goes first; a cancelled execution stops waiting for a place', async () => {
		const limiter = new RequestLimiter(false, 1);
		const first = await limiter.acquire(node, undefined);
		const order: string[] = [];
		const fresh = limiter.acquire(node, undefined).then(() => order.push('fresh'));
		const retried = limiter.acquire(node, undefined, true).then(() => order.push('retried'));
		limiter.release(first, 'rateLimited');
		await retried;
		expect(order).toEqual(['retried']);
		limiter.release({ sequence: 3 }, 'success');
		await fresh;
		expect(order).toEqual(['retried', 'fresh']);
		const abort = new AbortController();
		const waiting = limiter.acquire(node, abort.signal);
		abort.abort();
		limiter.release({ sequence: 4 }, 'failed');
		await limiter.acquire(node, undefined);
		await expect(waiting).rejects.toThrow('cancelled');
	});

	test("the time the run waited for the key's pace: overlapping waits count once, the longest names the limit", () => {
		let now = 10_000;
		const limiter = new RequestLimiter(true, 32, () => now);
		limiter.paced(2000, 'A');
		now = 11_000;
		// 8,000 to 11,000 overlaps 8,000 to 10,000: one more second.
		limiter.paced(3000, 'B');
		now = 20_000;
		limiter.paced(500, 'C');
		limiter.paced(0, 'D');
		expect(limiter.stats).toMatchObject({ pacedMs: 3500, pacedBy: 'B' });
	});
});

describe('when a 429 is pace, not a failure', () => {
	test('paced while an answer of the run came back within the Timeout, however many 429s this request had', () => {
		let now = 0;
		const limiter = new RequestLimiter(true, 32, () => now);
		const tracker = new RateLimitTracker(limiter);
		// Other executions hold the key: ten rounds of 429s for this request, with answers of the run now and then.
		for (let round = 0; round < 10; round++) {
			tracker.release({ sequence: round + 1 }, 429);
			now += 1000;
			if (round === 5) limiter.release({ sequence: 100 }, 'success');
			expect(tracker.absorbs(30)).toBe(true);
		}
	});

	test('a run with no answer for longer than the Timeout (since it started) stops pacing', () => {
		let now = 0;
		const limiter = new RequestLimiter(true, 32, () => now);
		const tracker = new RateLimitTracker(limiter);
		tracker.release({ sequence: 1 }, 429);
		now = 9_000;
		expect(tracker.absorbs(10)).toBe(true);
		now = 10_001;
		expect(tracker.absorbs(10)).toBe(false);
	});

	test("one request's own waits beyond its Timeout are not pace; a pinned number is paced like Auto", () => {
		const limiter = new RequestLimiter(true, 32, () => 0);
		const waited = new RateLimitTracker(limiter);
		waited.waited(11_000);
		expect(waited.absorbs(10)).toBe(false);
		expect(new RateLimitTracker(new RequestLimiter(false, 4, () => 0)).absorbs(10)).toBe(true);
	});

	test.each([
		[
			'You are using a Trial key, which is limited to 1000 API calls / month. You can upgrade.',
			true,
		],
		['limited to 1000 API calls per month', true],
		['Your monthly limit is reached', true],
		['You are past the per minute request limit, please wait and try again later.', false],
		[
			'You are using a Trial key, which is limited to 40 API calls / minute. You can continue to use the Trial key for free',
			false,
		],
		['trial token rate limit exceeded, limit is 100000 tokens per minute', false],
		[undefined, false],
	])('%j names a monthly quota: %s', (message, expected) => {
		expect(namesMonthlyQuota(message)).toBe(expected);
	});
});
