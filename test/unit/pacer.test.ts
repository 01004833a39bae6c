/* The key's pace (nodes/shared/transport/pacer.ts, pacing.ts), its rules on their own: a fake clock, no
 * server. Through n8n's engine against an emulator that limits as Cohere does: test/engine/pacing.test.ts. */
import { Pacer } from '../../nodes/shared/transport/pacer';
import type { BucketTerms } from '../../nodes/shared/transport/types';
import {
	bucketOf,
	describePace,
	keyFingerprint,
	namedPerMinuteLimit,
	paceAnswer,
	paceFor,
	pacingState,
	resetPacing,
} from '../../nodes/shared/transport/pacing';
import { testNode } from '../fixtures';

const node = testNode;
const CHAT = { documented: 500, firstBurst: 20, countsCalls: true };
const EMBED = { documented: 2000, countsCalls: false };
const MINUTE = 60_000;
const SPAN = MINUTE * 1.01;

function clocked(terms: BucketTerms = CHAT) {
	const clock = { now: 0 };
	const pacer = new Pacer(terms, MINUTE, MINUTE / 100, () => clock.now);
	const admit = async (weight = 1, retry = false) =>
		(await pacer.admit(weight, node, undefined, retry)).ticket;
	return { clock, pacer, admit };
}
const ok = (headers: Record<string, string> = {}) => paceAnswer(200, headers);

describe('the pace of one limit', () => {
	test("before the first answer, no more than a trial key's limit is in flight; then Cohere's documented pace", async () => {
		const { pacer, admit } = clocked();
		const first = await Promise.all(Array.from({ length: 20 }, () => admit()));
		expect(pacer.admissionTime(1, 0)).toBe(Infinity);
		pacer.settle(first[0], ok());
		for (let i = 0; i < 480; i++) await admit();
		expect(pacer.admissionTime(1, 0)).toBe(SPAN);
		expect(pacer).toMatchObject({ limit: 500, source: 'documented' });
	});

	test("a trial key's headers set the pace before any 429: 20 a minute, each place free a window after it was taken", async () => {
		const { clock, pacer, admit } = clocked();
		const first = await admit();
		pacer.settle(
			first,
			ok({ 'x-trial-endpoint-call-limit': '20', 'x-trial-endpoint-call-remaining': '19' }),
		);
		expect(pacer).toMatchObject({ limit: 20, ceiling: 20, source: 'headers' });
		clock.now = 1000;
		for (let i = 0; i < 19; i++) await admit();
		expect(pacer.admissionTime(1, 1000)).toBe(SPAN);
		clock.now = SPAN;
		await admit();
		expect(pacer.admissionTime(1, SPAN)).toBe(1000 + SPAN);
	});

	test('a 429 that names the limit sets it; one that names none sets what got through before it', async () => {
		const named = clocked();
		const tickets = await Promise.all(Array.from({ length: 11 }, () => named.admit()));
		named.pacer.settle(tickets[0], ok());
		named.pacer.settle(
			tickets[10],
			paceAnswer(429, {}, 'You are using a Trial key, which is limited to 10 API calls / minute.'),
		);
		expect(named.pacer).toMatchObject({ limit: 10, ceiling: 10, source: 'message' });

		const unnamed = clocked({ documented: 10_000, countsCalls: false });
		const sent = await Promise.all(Array.from({ length: 21 }, () => unnamed.admit(96)));
		expect(sent.map((t) => t.probe)).toEqual(Array(21).fill(false));
		unnamed.pacer.settle(sent[0], ok());
		unnamed.pacer.settle(
			sent[20],
			paceAnswer(429, {}, 'You are past the per minute request limit'),
		);
		expect(unnamed.pacer).toMatchObject({ limit: 1920, source: 'observed' });
	});

	test("held back by Cohere's documented pace, one request goes past it; when it is answered the pace is dropped", async () => {
		const { pacer, admit } = clocked(EMBED);
		const tickets = await Promise.all(Array.from({ length: 20 }, () => admit(96)));
		pacer.settle(tickets[0], ok());
		const probe = await admit(96);
		expect(probe.probe).toBe(true);
		// One probe at a time.
		expect(pacer.admissionTime(96, 0)).toBe(SPAN);
		pacer.settle(probe, ok());
		expect(pacer.limit).toBeUndefined();
		expect(pacer.admissionTime(96, 0)).toBe(0);
	});

	test('a probe answered 429 keeps the pace, and the next probe waits a window', async () => {
		const { clock, pacer, admit } = clocked(EMBED);
		const tickets = await Promise.all(Array.from({ length: 20 }, () => admit(96)));
		pacer.settle(tickets[0], ok());
		const probe = await admit(96);
		pacer.settle(probe, paceAnswer(429, {}, 'You are past the per minute request limit'));
		expect(pacer).toMatchObject({ limit: 1920, source: 'observed' });
		// Held back to a window after the first 20, and no probe for a window after the 429.
		clock.now = 1000;
		expect(pacer.admissionTime(96, 1000)).toBe(SPAN);
		const abort = new AbortController();
		const held = pacer.admit(96, node, abort.signal);
		await new Promise((resolve) => setTimeout(resolve, 30));
		abort.abort();
		await expect(held).rejects.toThrow('cancelled');
	});

	test('a full key window that is not ours (other workers) lowers our share; a 429 with nothing of ours waits', async () => {
		const { clock, pacer, admit } = clocked();
		const first = await admit();
		pacer.settle(
			first,
			ok({ 'x-trial-endpoint-call-limit': '20', 'x-trial-endpoint-call-remaining': '0' }),
		);
		expect(pacer).toMatchObject({ limit: 1, ceiling: 20, source: 'observed' });
		clock.now = SPAN;
		const alone = await admit();
		pacer.settle(alone, paceAnswer(429, {}));
		// Our only request in the window was refused: the others hold it. An eighth of a window, then longer.
		expect(pacer.admissionTime(1, SPAN)).toBe(SPAN + MINUTE / 8);
	});

	test('a wait the server asks for (a gateway) holds every request of the limit', async () => {
		const { pacer, admit } = clocked();
		const first = await admit();
		pacer.settle(first, paceAnswer(429, { 'retry-after-ms': '700' }));
		expect(pacer.admissionTime(1, 0)).toBe(700);
		expect(
			describePace(bucketOf({ method: 'POST', path: '/v2/chat', body: { model: 'm' } }), pacer),
		).toBe('POST /v2/chat m: the wait the server asked for after a 429');
	});

	test('a request sent again after a 429 goes first; a cancelled execution stops waiting', async () => {
		const pacer = new Pacer({ documented: 1, countsCalls: true }, 200);
		const first = (await pacer.admit(1, node, undefined)).ticket;
		pacer.settle(first, ok({ 'x-trial-endpoint-call-limit': '1' }));
		const order: string[] = [];
		const fresh = pacer.admit(1, node, undefined).then(() => order.push('fresh'));
		const retried = pacer.admit(1, node, undefined, true).then(() => order.push('retried'));
		await Promise.all([fresh, retried]);
		expect(order).toEqual(['retried', 'fresh']);
		const abort = new AbortController();
		const waiting = pacer.admit(1, node, abort.signal);
		abort.abort();
		await expect(waiting).rejects.toThrow("cancelled while waiting for Cohere's rate limit");
	});
});

describe('which pace a request keeps', () => {
	afterEach(() => resetPacing());

	test('buckets: chat per model, embed by inputs with images apart, the rest per endpoint', () => {
		const chat = (model: string) => bucketOf({ method: 'POST', path: '/v2/chat', body: { model } });
		expect(chat('command-a-03-2025')).toMatchObject({
			name: 'POST /v2/chat command-a-03-2025',
			weight: 1,
		});
		expect(chat('command-a-03-2025').terms).toEqual({
			documented: 500,
			firstBurst: 20,
			countsCalls: true,
		});
		expect(
			bucketOf({ method: 'POST', path: '/v2/embed', body: { texts: ['a', 'b', 'c'] } }),
		).toMatchObject({
			name: 'POST /v2/embed',
			weight: 3,
			terms: { documented: 2000, countsCalls: false },
		});
		expect(
			bucketOf({ method: 'POST', path: '/v2/embed', body: { images: ['data:'] } }),
		).toMatchObject({
			name: 'POST /v2/embed images',
			weight: 1,
			terms: { documented: 400, firstBurst: 5 },
		});
		expect(bucketOf({ method: 'POST', path: '/v2/rerank', body: {} }).terms.documented).toBe(1000);
		expect(bucketOf({ method: 'POST', path: 'http://h/x/v1/tokenize?x=1', body: {} }).name).toBe(
			'POST /x/v1/tokenize',
		);
		expect(bucketOf({ method: 'GET', path: '/v1/models' }).terms).toMatchObject({
			documented: 500,
		});
	});

	test('one pace per key fingerprint, origin and bucket, shared; the key itself is kept nowhere', () => {
		const bucket = bucketOf({ method: 'POST', path: '/v2/rerank', body: {} });
		const a = paceFor('secret-key-1', 'https://api.cohere.com', bucket);
		expect(paceFor('secret-key-1', 'https://api.cohere.com', bucket)).toBe(a);
		expect(paceFor('secret-key-2', 'https://api.cohere.com', bucket)).not.toBe(a);
		expect(paceFor('secret-key-1', 'https://gw.example.com', bucket)).not.toBe(a);
		expect(JSON.stringify(pacingState())).not.toContain('secret');
		expect(keyFingerprint('secret-key-1')).toMatch(/^[0-9a-f]{16}$/);
		expect(keyFingerprint('secret-key-1')).not.toBe(keyFingerprint('secret-key-2'));
	});

	test('memory is bounded: past 512 paces, idle ones make room', () => {
		for (let i = 0; i < 600; i++)
			paceFor(
				`key-${i}`,
				'https://api.cohere.com',
				bucketOf({ method: 'GET', path: '/v1/models' }),
			);
		expect(pacingState().length).toBeLessThanOrEqual(512);
		resetPacing();
		expect(pacingState()).toEqual([]);
	});

	test.each([
		['You are using a Trial key, which is limited to 20 API calls / minute. You can continue', 20],
		['limited to 1,000 requests per minute', 1000],
		['You are past the per minute request limit, please wait and try again later.', undefined],
		['You are using a Trial key, which is limited to 1000 API calls / month.', undefined],
		[undefined, undefined],
	])('%j names %s a minute', (message, expected) => {
		expect(namedPerMinuteLimit(message)).toBe(expected);
	});
});
