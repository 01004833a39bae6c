import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * "Concurrent Requests: 0 (Auto)": how many requests one node run keeps in flight at most. A production key
 * takes this many easily (500 chat calls a minute); the key's limit in time is kept by the pacer (pacer.ts),
 * shared by every execution, and Auto halves at once on a 429 or 503.
 */
export const AUTO_MAX_CONCURRENCY = 32;

export interface LimiterStats {
	/** Requests that came back rate-limited (429) and were sent again. */
	rateLimited: number;
	/** The lowest limit the run came down to. */
	lowestLimit: number;
	/** How long requests of this run waited for Cohere's rate limit (at least one of them), in ms. */
	pacedMs: number;
	/** The limit that held them back longest, in words (see describePace). */
	pacedBy?: string;
}

/** One request's place in the limiter: taken before it is sent, given back with its outcome. */
export interface LimiterSlot {
	/** The order in which requests were sent, 1, 2, 3... */
	sequence: number;
}

/**
 * The requests of one node run (all its items share it): how many may be in flight. Auto adapts the number
 * the way TCP does: it grows by about one per round of answers that come back fine and halves at once on a
 * 429 or a 503 (once per round: the answers to requests sent before the cut neither cut it again nor grow
 * it). A fixed number never changes. The pace in time is not kept here: the pacer of the key's limit
 * holds every request of every run on the key.
 */
export class RequestLimiter {
	private limit: number;
	private inFlight = 0;
	private sent = 0;
	/** The last request sent when Auto last cut: only answers to later requests may cut again or grow it. */
	private sentAtLastCut = 0;
	private waiters: Array<() => void> = [];
	/** When an answer of this run last came back fine (2xx), or the run started: a 429 since is pacing. */
	private lastSuccessAt: number;
	/** The end of the last wait counted in `pacedMs`: waits that overlap count once. */
	private pacedUntil = 0;
	private longestWaitMs = 0;
	readonly stats: LimiterStats;

	constructor(
		/** Auto, or a fixed number of requests in flight. */
		readonly adaptive: boolean,
		private readonly max: number,
		private readonly now: () => number = Date.now,
	) {
		this.limit = max;
		this.stats = { rateLimited: 0, lowestLimit: max, pacedMs: 0 };
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

	/** Waits for a free place, then takes it. A request sent again after a 429 goes before those not yet sent. */
	async acquire(node: INode, signal: AbortSignal | undefined, retry = false): Promise<LimiterSlot> {
		for (;;) {
			if (signal?.aborted)
				throw new NodeOperationError(node, 'The execution was cancelled while waiting to send');
			if (this.inFlight < this.currentLimit) {
				this.inFlight++;
				return { sequence: ++this.sent };
			}
			await new Promise<void>((resolve) =>
				retry ? this.waiters.unshift(resolve) : this.waiters.push(resolve),
			);
		}
	}

	/** A request of this run waited `waitedMs` (up to now) for the key's rate limit, described by `pace`. */
	paced(waitedMs: number, pace: string): void {
		if (waitedMs <= 0) return;
		const end = this.now();
		this.stats.pacedMs += Math.max(0, end - Math.max(end - waitedMs, this.pacedUntil));
		this.pacedUntil = Math.max(this.pacedUntil, end);
		if (waitedMs >= this.longestWaitMs) {
			this.longestWaitMs = waitedMs;
			this.stats.pacedBy = pace;
		}
	}

	/** Every waiter looks again, in line; the ones that find no place wait again. */
	private wakeAll(): void {
		const waiters = this.waiters;
		this.waiters = [];
		for (const wake of waiters) wake();
	}

	/**
	 * Gives the place back. `success`: a 2xx. `failed`: any other answer, or none. `rateLimited`: a 429.
	 * `overloaded`: a 503. Auto sends fewer at once after either.
	 */
	release(slot: LimiterSlot, outcome: 'success' | 'failed' | 'rateLimited' | 'overloaded'): void {
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (outcome === 'success') {
			this.lastSuccessAt = this.now();
			// Answers to requests sent before the last cut tell nothing about the new number.
			if (this.adaptive && slot.sequence > this.sentAtLastCut)
				this.limit = Math.min(this.max, this.limit + 1 / this.currentLimit);
		} else if (outcome !== 'failed') {
			if (outcome === 'rateLimited') this.stats.rateLimited++;
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

/** How a 429 is taken: while the run is paced, not stopped, it is the pace; otherwise a failed attempt. */
export class RateLimitTracker {
	times = 0;
	private waitedMs = 0;

	constructor(private readonly limiter: RequestLimiter | undefined) {}

	/** Hands the limiter its slot back with the answer's status. */
	release(slot: LimiterSlot | undefined, status: number) {
		if (!slot || !this.limiter) return;
		if (status === 429) this.limiter.release(slot, 'rateLimited');
		else if (status === 503) this.limiter.release(slot, 'overloaded');
		else this.limiter.release(slot, status >= 200 && status < 300 ? 'success' : 'failed');
	}

	/** A wait of this request for the key's pace, counted against its Timeout. */
	waited(ms: number) {
		this.waitedMs += ms;
	}

	/**
	 * Whether a 429 is the run's pace, not a failure: an answer of this run came back fine (or the run
	 * started) within the request's timeout, and this request's own waits stay within it too. Executions
	 * that share the key (other workers in queue mode) can hold a run back for several rounds in a row: that
	 * is still pace, with Auto or a pinned number alike. A key that lets nothing through for a whole timeout
	 * fails, after Max Retries.
	 */
	absorbs(timeoutSeconds: number): boolean {
		this.times++;
		const budgetMs = timeoutSeconds * 1000;
		return this.limiter!.msSinceSuccess <= budgetMs && this.waitedMs <= budgetMs;
	}
}
