import type { IDataObject } from 'n8n-workflow';

import { headerValue } from './headers';

const MAX_BACKOFF_MS = 60_000;

// A reset or broken connection is worth another try; a refused one usually means a wrong Base URL.
export const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function isRetryableStatus(status: number): boolean {
	return status === 408 || status === 429 || status >= 500;
}

/**
 * A 429 that names a monthly allowance (a trial key's calls a month) rather than a per-minute pace: waiting
 * for the next window does not help, so Auto does not wait it out.
 */
export function namesMonthlyQuota(message: string | undefined): boolean {
	return /(\/|\bper|\ba)\s*month\b|\bmonthly\b/i.test(message ?? '');
}

/**
 * How long the server asks us to wait, in ms: `retry-after-ms`, then `Retry-After` (seconds or an HTTP date),
 * then `X-RateLimit-Reset` (seconds to wait, or a Unix time in seconds).
 */
export function serverRequestedDelayMs(headers: IDataObject, now = Date.now()): number | undefined {
	const retryAfterMs = Number(headerValue(headers, 'retry-after-ms'));
	if (Number.isFinite(retryAfterMs) && retryAfterMs >= 0) return retryAfterMs;

	const retryAfter = headerValue(headers, 'retry-after');
	if (retryAfter !== undefined) {
		const seconds = Number(retryAfter);
		if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
		const date = Date.parse(retryAfter);
		if (!Number.isNaN(date)) return Math.max(0, date - now);
	}

	const reset = Number(headerValue(headers, 'x-ratelimit-reset'));
	if (Number.isFinite(reset) && reset >= 0) {
		// Large values are epoch seconds, small ones a number of seconds to wait.
		return reset > 1_000_000_000 ? Math.max(0, reset * 1000 - now) : reset * 1000;
	}
	return undefined;
}

/** 1 s × 2^attempt, capped at 60 s, ±10 % jitter so that concurrent items do not retry in lockstep. */
export function backoffDelayMs(attempt: number, random = Math.random): number {
	const base = Math.min(1000 * 2 ** attempt, MAX_BACKOFF_MS);
	return Math.round(base * (0.9 + 0.2 * random()));
}

/**
 * The wait before the next attempt: what the server asked for (plus up to 10 %, never less, so that items
 * told the same time do not all retry at the same instant), else the exponential backoff.
 */
export function retryDelayMs(
	attempt: number,
	headers: IDataObject | undefined,
	random = Math.random,
): number {
	const requested = headers ? serverRequestedDelayMs(headers) : undefined;
	const delay =
		requested === undefined ? backoffDelayMs(attempt, random) : requested * (1 + 0.1 * random());
	return Math.min(Math.round(delay), MAX_BACKOFF_MS);
}
