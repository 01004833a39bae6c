/* The emulator's scaffolding for failure tests: faults injected on chosen requests, and a plain request limit
 * per window (Cohere's own limits per key are in rate-limits.ts). */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { EmulatorResponse } from './handlers/common';

export type FaultKind = 'status' | 'hang' | 'malformed' | 'reset' | 'html';

export interface Fault {
	/** Only requests whose path matches (exact string or pattern); all requests when absent. */
	path?: string | RegExp;
	/** Let this many matching requests through before the fault starts. */
	after?: number;
	/** How many matching requests get the fault (default 1; Infinity for all). */
	times?: number;
	kind?: FaultKind;
	status?: number;
	message?: string;
	headers?: Record<string, string>;
	/**
	 * Echo the request's Authorization header back, as some gateways do: in the message, in a nested body
	 * field and in a response header (`json`), or as a plain-text body (`text`).
	 */
	echo?: 'json' | 'text';
}

interface ActiveFault extends Required<Pick<Fault, 'after' | 'times' | 'kind'>> {
	fault: Fault;
	seen: number;
	fired: number;
}

/** Cohere's messages for the statuses tests inject. */
function defaultFaultMessage(status: number): string {
	if (status === 429)
		return 'You are past the per minute request limit, please wait and try again later.';
	if (status === 402)
		return 'Please add or update your payment method at https://dashboard.cohere.com/billing?tab=payment to continue';
	if (status === 498)
		return 'blocked output: please adjust your prompt and try again, as this generation may be a potential violation of our Usage Policy';
	if (status === 499) return 'request cancelled';
	if (status === 422) return 'invalid request: the request could not be processed.';
	if (status >= 500) return 'internal server error, this has been reported to our developers.';
	return `emulated error ${status}`;
}

/** The faults a test added, each firing on its matching requests in turn. */
export class Faults {
	private active: ActiveFault[] = [];

	add(fault: Fault): void {
		this.active.push({
			fault,
			after: fault.after ?? 0,
			times: fault.times ?? 1,
			kind: fault.kind ?? 'status',
			seen: 0,
			fired: 0,
		});
	}

	clear(): void {
		this.active = [];
	}

	/** The fault this request gets, if any (each matching request counts). */
	pick(path: string): ActiveFault | undefined {
		for (const active of this.active) {
			const { fault } = active;
			const matches =
				fault.path === undefined ||
				(typeof fault.path === 'string' ? fault.path === path : fault.path.test(path));
			if (!matches) continue;
			active.seen++;
			if (active.seen > active.after && active.fired < active.times) {
				active.fired++;
				return active;
			}
		}
		return undefined;
	}

	/**
	 * Answers with the fault: no answer (hang), a reset connection, an HTML page, broken JSON, or an error
	 * status in Cohere's form (`send`), optionally echoing the Authorization header as some gateways do.
	 */
	static answer(
		{ fault, kind }: ActiveFault,
		req: IncomingMessage,
		res: ServerResponse,
		send: (response: EmulatorResponse) => void,
	): void {
		if (kind === 'hang') return; // never answer: the client's timeout must fire
		if (kind === 'reset') {
			req.socket.destroy();
			return;
		}
		if (kind === 'html') {
			// What a wrong Base URL (a web server, a login page) answers.
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>');
			return;
		}
		if (kind === 'malformed') {
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end('{"id": "broken", "text": ');
			return;
		}
		const status = fault.status ?? 500;
		const authorization = String(req.headers.authorization ?? '');
		if (fault.echo === 'text') {
			res.writeHead(status, { 'content-type': 'text/plain', 'x-echo': authorization });
			res.end(`upstream refused the request with headers: Authorization: ${authorization}`);
			return;
		}
		if (fault.echo === 'json') {
			send({
				status,
				body: {
					message: `bad request, you sent Authorization: ${authorization}`,
					detail: { request: { headers: { authorization } } },
				},
				headers: { ...fault.headers, 'x-echo': authorization },
			});
			return;
		}
		send({
			status,
			body: { message: fault.message ?? defaultFaultMessage(status) },
			headers: fault.headers,
		});
	}
}

export interface RateLimit {
	/** Requests allowed per window before 429s. */
	limit: number;
	windowMs: number;
	/** Sent as Retry-After (seconds) with each 429; omitted when undefined. */
	retryAfterSeconds?: number;
	retryAfterMs?: number;
	/** Send `retry-after-ms` with the real time until the next free slot. */
	exactRetryAfter?: boolean;
}

/** A plain sliding-window limit over every request, as a gateway might keep: the 429 it sends, or undefined. */
export function refuseOverLimit(
	limit: RateLimit,
	window: number[],
	now = Date.now(),
): EmulatorResponse | undefined {
	while (window.length && now - window[0] >= limit.windowMs) window.shift();
	if (window.length < limit.limit) {
		window.push(now);
		return undefined;
	}
	const headers: Record<string, string> = {};
	if (limit.retryAfterSeconds !== undefined)
		headers['retry-after'] = String(limit.retryAfterSeconds);
	if (limit.retryAfterMs !== undefined) headers['retry-after-ms'] = String(limit.retryAfterMs);
	// Like a real limiter: exactly how long until the window frees a slot.
	if (limit.exactRetryAfter)
		headers['retry-after-ms'] = String(Math.max(0, window[0] + limit.windowMs - now));
	return {
		status: 429,
		body: {
			message: 'You are past the per minute request limit, please wait and try again later.',
		},
		headers,
	};
}
