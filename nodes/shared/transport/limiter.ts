import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { retryPauseMs } from './retry';
import { sleepUnlessCancelled } from './wait';

/**
 * "Concurrent Requests: 0 (Auto)": how many requests one node run keeps in flight at most. A production key
 * takes this many easily (500 chat calls a minute); a trial key answers the first burst with 429s, and the
 * limiter then halves at once and pauses every request until the time Cohere names.
 */
export const AUTO_MAX_CONCURRENCY = 32;

export interface LimiterStats {
	/** Requests that came back rate-limited (429) and were held back. */
	rateLimited: number;
	/** The lowest limit the run came down to. */
	lowestLimit: number;
}

/** One request's place in the limiter: taken before it is sent, given back with its outcome. */
export interface LimiterSlot {
	/** The order in which requests were sent, 1, 2, 3... */
	sequence: number;
}

/**
 * The requests of one node run (all its items share it). Two things are shared: how many requests may be
 * in flight, and a pause: when one request is told to wait (429 with Retry-After), every request waits, so
 * that a rate limit slows the whole run once instead of each request finding it on its own.
 *
 * Auto adapts the number in flight the way TCP does: it grows by about one per round of answers that come
 * back fine and halves at once on a 429 or a 503 (once per round: the answers to requests sent before the
 * cut neither cut it again nor grow it). A fixed number never changes; it shares the pause all the same.
 *
 * One limiter per node run today (see limiterFor in index.ts); a limiter per credential, shared by the
 * nodes of a workflow on the same key, would keep these in a map by credential instead.
 */
export class RequestLimiter {
	private limit: number;
	private inFlight = 0;
	private pauseUntil = 0;
	private pauseWatched = false;
	private sent = 0;
	/** The last request sent when Auto last cut: only answers to later requests may cut again or grow it. */
	private sentAtLastCut = 0;
	private waiters: Array<() => void> = [];
	/** When an answer of this run last came back fine (2xx), or the run started: a 429 since is pacing. */
	private lastSuccessAt: number;
	readonly stats: LimiterStats;

	constructor(
		/** Auto, or a fixed number of requests in flight. */
		readonly adaptive: boolean,
		private readonly max: number,
		private readonly now: () => number = Date.now,
	) {
		this.limit = max;
		this.stats = { rateLimited: 0, lowestLimit: max };
		this.lastSuccessAt = now();
	}

	/** How long no answer of this run came back fine (since the run started, if none has). */
	get msSinceSuccess(): number {
		return this.now() - this.lastSuccessAt;
	}

	/** The number of requests allowed in flight now. */
	get currentLimit(): number {
		return Math.max(1, Math.floor(this.limit));
	}

	/**
	 * Waits for the pause to end and a free place, then takes it. A request that is retried after a 429
	 * goes before those not yet sent: it has waited longest.
	 */
	async acquire(node: INode, signal: AbortSignal | undefined, retry = false): Promise<LimiterSlot> {
		for (;;) {
			if (signal?.aborted)
				throw new NodeOperationError(node, 'The execution was cancelled while waiting to send');
			if (this.pauseUntil > this.now() && !this.pauseWatched) {
				// One request watches the clock for all; the others wait in line and are woken in order.
				this.pauseWatched = true;
				try {
					for (
						let wait = this.pauseUntil - this.now();
						wait > 0;
						wait = this.pauseUntil - this.now()
					)
						await sleepUnlessCancelled(wait, signal, node, 'waiting to send');
				} finally {
					this.pauseWatched = false;
					this.wakeAll();
				}
				continue;
			}
			if (this.pauseUntil <= this.now() && this.inFlight < this.currentLimit) {
				this.inFlight++;
				return { sequence: ++this.sent };
			}
			await new Promise<void>((resolve) =>
				retry ? this.waiters.unshift(resolve) : this.waiters.push(resolve),
			);
		}
	}

	/** Every waiter looks again, in line; the ones that find no place wait again. */
	private wakeAll(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	/**
	 * Gives the place back. `success`: a 2xx. `failed`: any other answer, or none. `rateLimited`: a 429;
	 * everything pauses for `pauseMs`. `overloaded`: a 503; Auto sends fewer at once.
	 */
	release(
		slot: LimiterSlot,
		outcome: 'success' | 'failed' | 'rateLimited' | 'overloaded',
		pauseMs = 0,
	): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (outcome === 'success') {
			this.lastSuccessAt = this.now();
			// Answers to requests sent before the last cut tell nothing about the new number.
			if (this.adaptive && slot.sequence > this.sentAtLastCut)
				this.limit = Math.min(this.max, this.limit + 1 / this.currentLimit);
		} else if (outcome !== 'failed') {
			if (outcome === 'rateLimited') {
				this.stats.rateLimited++;
				this.pauseUntil = Math.max(this.pauseUntil, this.now() + pauseMs);
			}
			// Only answers to requests sent after the last cut may cut again: one burst of 429s is one signal.
			if (this.adaptive && slot.sequence > this.sentAtLastCut) {
				this.limit = Math.max(1, this.currentLimit / 2);
				this.sentAtLastCut = this.sent;
				this.stats.lowestLimit = Math.min(this.stats.lowestLimit, this.currentLimit);
			}
		}
		this.wakeAll();
	}
}

/** The concurrency a node run asked for: Auto (0 or unset) or a fixed number. */
export function createLimiter(concurrency: number | undefined): RequestLimiter {
	const fixed = typeof concurrency === 'number' && concurrency > 0 ? concurrency : undefined;
	return new RequestLimiter(fixed === undefined, fixed ?? AUTO_MAX_CONCURRENCY);
}

/** The limiter of each node run, by its execute (or supply data) context. */
const limiters = new WeakMap<object, RequestLimiter>();

/** The node run's limiter, made on first use with the run's "Concurrent Requests". */
export function runLimiter(this: object, concurrency: number | undefined): RequestLimiter {
	let limiter = limiters.get(this);
	if (!limiter) {
		limiter = createLimiter(concurrency);
		limiters.set(this, limiter);
	}
	return limiter;
}

/** The limiter the transport sends through, if the run has one (a dropdown or a credential test has none). */
export function limiterOf(this: object): RequestLimiter | undefined {
	return limiters.get(this);
}

/** How a 429 is taken: Auto absorbs it while the run is paced, not stopped; otherwise it is a failed attempt. */
export class RateLimitTracker {
	times = 0;
	private waitedMs = 0;

	constructor(private readonly limiter: RequestLimiter | undefined) {}

	/** Hands the limiter its slot back with the answer's status (a 429 pauses every request of the run). */
	release(slot: LimiterSlot | undefined, status: number, headers: IDataObject) {
		if (!slot || !this.limiter) return;
		if (status === 429) {
			const pauseMs = retryPauseMs(this.times, headers);
			this.limiter.release(slot, 'rateLimited', pauseMs);
			this.waitedMs += pauseMs;
		} else if (status === 503) this.limiter.release(slot, 'overloaded');
		else this.limiter.release(slot, status >= 200 && status < 300 ? 'success' : 'failed');
	}

	/**
	 * Whether a 429 is the run's pace, not a failure: the limiter is adaptive (Auto), Cohere does not say a
	 * monthly allowance is used up, an answer of this run came back fine (or the run started) within the
	 * request's timeout, and this request's own waits stay within it too. Executions that share the key (other
	 * workers in queue mode) can hold a run back for several rounds in a row: that is still pace. A key that
	 * lets nothing through for a whole timeout fails, after Max Retries.
	 */
	absorbs(timeoutSeconds: number, monthlyQuota: boolean): boolean {
		this.times++;
		const limiter = this.limiter!;
		const budgetMs = timeoutSeconds * 1000;
		return (
			limiter.adaptive &&
			!monthlyQuota &&
			limiter.msSinceSuccess <= budgetMs &&
			this.waitedMs <= budgetMs
		);
	}
}
