import type { INode } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import type { BucketTerms, PaceAnswer, PaceSource, PaceTicket } from './types';

/** How often a waiting request looks again, at most: it is also woken by every answer. */
const STEP_MS = 250;

/**
 * The pace of one limit of one key (a key, a Base URL origin, a Cohere limit bucket), shared by every
 * request of every execution in the process. It keeps the requests sent within the last window and admits
 * the next one when the window has room for it, in order, so that the key's limit is met without 429s.
 * It learns the limit from the key's answers: a trial key's headers, the number a 429 names, else what got
 * through before a 429. A pace that may be too low (Cohere's documented one, or one learned from 429s) is
 * probed: when it holds requests back, one request at a time goes past it, at most once a window after a 429.
 */
export class Pacer {
	limit?: number;
	/** The key's own limit, from its headers or a 429's message: the pace never goes above it. */
	ceiling?: number;
	source: PaceSource = 'documented';
	lastUsedAt: number;
	/** 429s that came with a wait to keep (Retry-After and the like). */
	serverWaits = 0;
	/** The requests sent within the window, oldest first, and their weight in all. */
	private entries: PaceTicket[] = [];
	private used = 0;
	/** The requests waiting, in order; only the first looks at the window, the others wait their turn. */
	private queue: Array<{ wake?: () => void }> = [];
	private seq = 0;
	private answered = false;
	private inFlight = 0;
	private probing = false;
	private pausedUntil = 0;
	private lastRateLimitedAt = -Infinity;
	/** Requests admitted before the pace last changed: their 429s were sent before it and change nothing. */
	private cutAtSeq = 0;
	private emptyRateLimits = 0;

	constructor(
		readonly terms: BucketTerms,
		readonly windowMs: number,
		/**
		 * A request reaches Cohere a little after it leaves (a new connection, TLS): each place is kept this
		 * much longer than the window, so that the server's window has freed it too.
		 */
		private readonly marginMs = windowMs / 100,
		private readonly now: () => number = Date.now,
	) {
		this.limit = terms.documented;
		this.lastUsedAt = now();
	}

	/** Nothing waits or is in flight, and nothing was sent within `ms`. */
	idleFor(ms: number): boolean {
		return this.queue.length === 0 && this.inFlight === 0 && this.now() - this.lastUsedAt >= ms;
	}

	/**
	 * Waits for the window to have room for `weight` (calls, or inputs), behind the requests that came
	 * first; a request sent again after a 429 goes first. Returns its ticket and how long it waited.
	 */
	async admit(
		weight: number,
		node: INode,
		signal: AbortSignal | undefined,
		retry = false,
	): Promise<{ ticket: PaceTicket; waitedMs: number }> {
		const started = this.now();
		const place: { wake?: () => void } = {};
		if (retry) this.queue.unshift(place);
		else this.queue.push(place);
		try {
			for (;;) {
				if (signal?.aborted)
					throw new NodeOperationError(
						node,
						"The execution was cancelled while waiting for Cohere's rate limit",
					);
				const now = this.now();
				if (this.queue[0] === place) {
					const probe = this.wouldProbe(weight, now);
					const at = probe ? now : this.admissionTime(weight, now);
					if (at <= now) {
						const ticket = { seq: ++this.seq, weight, sentAt: now, probe };
						this.entries.push(ticket);
						this.used += weight;
						this.inFlight++;
						if (probe) this.probing = true;
						this.lastUsedAt = now;
						return { ticket, waitedMs: now - started };
					}
					await this.nextChange(place, Math.min(at - now, STEP_MS));
				} else await this.nextChange(place, STEP_MS);
			}
		} finally {
			this.queue.splice(this.queue.indexOf(place), 1);
			this.wakeFirst();
		}
	}

	/** Takes the answer to a ticket's request and learns from it. */
	settle(ticket: PaceTicket, answer: PaceAnswer | undefined): void {
		const now = this.now();
		this.inFlight = Math.max(0, this.inFlight - 1);
		if (ticket.probe) this.probing = false;
		if (answer?.status === 429) this.rateLimited(ticket, answer, now);
		else if (answer && answer.status >= 200 && answer.status < 300)
			this.answeredFine(ticket, answer);
		this.wakeFirst();
	}

	private answeredFine(ticket: PaceTicket, answer: PaceAnswer): void {
		this.answered = true;
		this.emptyRateLimits = 0;
		if (this.terms.countsCalls && answer.callLimit !== undefined && answer.callLimit > 0) {
			this.ceiling = answer.callLimit;
			this.limit =
				this.source === 'observed' ? Math.min(this.limit ?? Infinity, this.ceiling) : this.ceiling;
			if (this.source !== 'observed') this.source = 'headers';
		}
		if (this.terms.countsCalls && answer.callsRemaining === 0) {
			// The key's window is full, though ours is not: other executions (other workers) share the key.
			this.shareWith(this.usedBefore(Infinity, this.now()));
			this.lastRateLimitedAt = this.now();
		} else if (ticket.probe) {
			// The limit is higher than the pace: Cohere's documented one is not this key's (a gateway's, or
			// a raised limit), so it is dropped; a learned one (a share) grows by a sixteenth.
			const limit = this.limit ?? 0;
			if (this.source === 'documented') this.limit = undefined;
			else
				this.limit = Math.min(
					this.ceiling ?? Infinity,
					limit + Math.max(ticket.weight, Math.ceil(limit / 16)),
				);
		}
	}

	private rateLimited(ticket: PaceTicket, answer: PaceAnswer, now: number): void {
		// A refused request took no place in the key's window.
		const index = this.entries.indexOf(ticket);
		if (index >= 0) {
			this.entries.splice(index, 1);
			this.used -= ticket.weight;
		}
		this.lastRateLimitedAt = now;
		if (answer.requestedDelayMs !== undefined) {
			this.serverWaits++;
			this.pausedUntil = Math.max(this.pausedUntil, now + answer.requestedDelayMs);
			return;
		}
		if (answer.namedLimit !== undefined && answer.namedLimit > 0) {
			this.ceiling = answer.namedLimit;
			if (this.source !== 'observed') this.source = 'message';
			this.limit = Math.min(this.limit ?? Infinity, this.ceiling);
		}
		if (ticket.seq <= this.cutAtSeq) return;
		const sentBefore = this.usedBefore(ticket.seq, now);
		if (sentBefore > 0) this.shareWith(sentBefore);
		else {
			// Nothing of ours in the window: others hold the key. Wait, longer each time, at most a window.
			this.emptyRateLimits++;
			this.cutAtSeq = this.seq;
			const backoff = (this.windowMs / 8) * 2 ** (this.emptyRateLimits - 1);
			this.pausedUntil = Math.max(this.pausedUntil, now + Math.min(this.windowMs, backoff));
		}
	}

	/** The pace becomes what got through: the key's limit, or our share of it. */
	private shareWith(used: number): void {
		const share = Math.max(1, Math.min(this.ceiling ?? Infinity, used));
		if (this.source === 'documented' || share < (this.limit ?? Infinity)) {
			this.source = share === this.ceiling ? this.source : 'observed';
			this.limit = share;
		}
		this.cutAtSeq = this.seq;
	}

	/** The weight sent within the window before request `seq`. */
	private usedBefore(seq: number, now: number): number {
		this.prune(now);
		return this.entries.filter((e) => e.seq < seq).reduce((sum, e) => sum + e.weight, 0);
	}

	private get span(): number {
		return this.windowMs + this.marginMs;
	}

	private prune(now: number): void {
		let expired = 0;
		while (expired < this.entries.length && this.entries[expired].sentAt + this.span <= now)
			this.used -= this.entries[expired++].weight;
		if (expired > 0) this.entries.splice(0, expired);
	}

	/** A request past the pace: the pace holds it back and may be lower than the key's limit. */
	private wouldProbe(weight: number, now: number): boolean {
		return (
			this.answered &&
			!this.probing &&
			this.pausedUntil <= now &&
			this.limit !== undefined &&
			this.limit < (this.ceiling ?? Infinity) &&
			now - this.lastRateLimitedAt >= this.span &&
			this.admissionTime(weight, now) > now
		);
	}

	/** When the window has room for `weight`: now, or when enough of it has been sent a window ago. */
	admissionTime(weight: number, now: number): number {
		this.prune(now);
		if (this.pausedUntil > now) return this.pausedUntil;
		const burst = this.terms.firstBurst;
		// Before the first answer tells the key's type, no more than a trial key takes.
		if (!this.answered && burst !== undefined && this.inFlight > 0 && this.inFlight + 1 > burst)
			return Infinity;
		const used = this.used;
		if (this.limit === undefined || used === 0 || used + weight <= this.limit) return now;
		let excess = used + weight - this.limit;
		for (const entry of this.entries) {
			excess -= entry.weight;
			if (excess <= 0) return entry.sentAt + this.span;
		}
		return now;
	}

	/** Resolves when `place` is woken (an answer, its turn), or after `ms` (to notice a cancel). */
	private async nextChange(place: { wake?: () => void }, ms: number): Promise<void> {
		await Promise.race([sleep(ms), new Promise<void>((resolve) => (place.wake = resolve))]);
		place.wake = undefined;
	}

	/** The first in line looks again: an answer came, or the one before it left. */
	private wakeFirst(): void {
		this.queue[0]?.wake?.();
	}
}
