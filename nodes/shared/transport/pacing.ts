/*
 * Which pace a request keeps: one per key (a fingerprint, never the key), Base URL origin and Cohere limit
 * bucket (the endpoint, and the model for chat), shared by every execution in this n8n process. Kept in one
 * bounded map: idle paces are dropped as new ones come, and no timer runs.
 */
import type { IDataObject } from 'n8n-workflow';

import type { KeyLimits } from '../limits';
import { RATE_LIMITS } from '../limits';
import { headerValue } from './headers';
import { Pacer } from './pacer';
import { serverRequestedDelayMs } from './retry';
import type { BucketTerms, CohereRequest, PaceAnswer } from './types';

/** At most this many paces are kept; idle ones (nothing sent for 10 windows) make room first. */
const MAX_PACES = 512;
const IDLE_WINDOWS = 10;

const paces = new Map<string, Pacer>();
let windowMs: number = RATE_LIMITS.windowMs;
let marginMs: number | undefined;

/**
 * Forgets every learned pace. Tests also set a shorter window than Cohere's minute, with a margin for a
 * request's way to the server that does not shrink with it (by default 1 % of the window).
 */
export function resetPacing(options: { windowMs?: number; marginMs?: number } = {}): void {
	paces.clear();
	windowMs = options.windowMs ?? RATE_LIMITS.windowMs;
	marginMs = options.marginMs;
}

/** The paces kept now, for tests and benchmarks: their bucket, pace and where it was learned. */
export function pacingState() {
	return [...paces.entries()].map(([id, pace]) => ({
		id,
		limit: pace.limit,
		ceiling: pace.ceiling,
		source: pace.source,
	}));
}

/** FNV-1a, twice with different seeds: 64 bits that tell keys apart and cannot be turned back into one. */
export function keyFingerprint(apiKey: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ 0x5bd1e995;
	for (let i = 0; i < apiKey.length; i++) {
		const code = apiKey.charCodeAt(i);
		a = Math.imul(a ^ code, 0x01000193) >>> 0;
		b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
	}
	return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

/** A request's limit bucket, how much of it the request uses, and what is known of it beforehand. */
export interface Bucket {
	name: string;
	weight: number;
	terms: BucketTerms;
}

const calls = (limits: KeyLimits): BucketTerms => ({
	documented: limits.production,
	firstBurst: limits.trial < limits.production ? limits.trial : undefined,
	countsCalls: true,
});
const inputs = (limits: KeyLimits): BucketTerms => ({
	documented: limits.production,
	firstBurst: limits.trial < limits.production ? limits.trial : undefined,
	countsCalls: false,
});

const count = (value: unknown) => (Array.isArray(value) ? value.length : value ? 1 : 0);

/** The images of an embed request: `images`, or image parts of `inputs[].content`. */
function embedImages(body: IDataObject): number {
	if (Array.isArray(body.images)) return body.images.length;
	if (!Array.isArray(body.inputs)) return 0;
	return (body.inputs as IDataObject[]).reduce(
		(sum, input) =>
			sum +
			(Array.isArray(input?.content)
				? (input.content as IDataObject[]).filter((part) => part?.type === 'image_url').length
				: 0),
		0,
	);
}

/** Cohere's limit bucket of a request (see RATE_LIMITS): the endpoint, the model for chat. */
export function bucketOf(request: CohereRequest): Bucket {
	const path = (/^https?:\/\//i.test(request.path) ? new URL(request.path).pathname : request.path)
		.split('?')[0]
		.replace(/\/+$/, '');
	const name = `${request.method} ${path}`;
	const body = (Array.isArray(request.body) ? {} : (request.body ?? {})) as IDataObject;
	if (request.method === 'POST' && /\/chat(\/completions)?$/.test(path))
		return {
			name: `${name} ${String(body.model ?? '')}`,
			weight: 1,
			terms: calls(RATE_LIMITS.chat),
		};
	if (request.method === 'POST' && /\/(embed|embeddings)$/.test(path)) {
		const images = embedImages(body);
		if (images > 0)
			return { name: `${name} images`, weight: images, terms: inputs(RATE_LIMITS.embedImages) };
		const texts = count(body.texts) + count(body.inputs) + count(body.input);
		return { name, weight: Math.max(1, texts), terms: inputs(RATE_LIMITS.embedInputs) };
	}
	if (/\/rerank$/.test(path)) return { name, weight: 1, terms: calls(RATE_LIMITS.rerank) };
	if (/\/(de)?tokenize$/.test(path)) return { name, weight: 1, terms: calls(RATE_LIMITS.tokenize) };
	if (request.method === 'POST' && /\/embed-jobs$/.test(path))
		return { name, weight: 1, terms: calls(RATE_LIMITS.embedJobs) };
	return { name, weight: 1, terms: calls(RATE_LIMITS.other) };
}

/** The pace of a request's bucket for this key and origin, made on first use. */
export function paceFor(apiKey: string, origin: string, bucket: Bucket): Pacer {
	const id = `${keyFingerprint(apiKey)} ${origin} ${bucket.name}`;
	let pace = paces.get(id);
	if (!pace) {
		if (paces.size >= MAX_PACES) dropIdle();
		pace = new Pacer(bucket.terms, windowMs, marginMs);
		// Past the bound with none idle, the pace is kept for this request's run only.
		if (paces.size < MAX_PACES) paces.set(id, pace);
	}
	return pace;
}

function dropIdle(): void {
	for (const [id, pace] of paces) if (pace.idleFor(windowMs * IDLE_WINDOWS)) paces.delete(id);
	if (paces.size < MAX_PACES) return;
	// Still full: the least recently used of those with nothing waiting or in flight.
	const idle = [...paces.entries()].filter(([, pace]) => pace.idleFor(0));
	idle.sort(([, a], [, b]) => a.lastUsedAt - b.lastUsedAt);
	for (const [id] of idle.slice(0, Math.ceil(MAX_PACES / 8))) paces.delete(id);
}

/** "limited to 20 API calls / minute": the number a 429 names per minute (not the monthly one). */
export function namedPerMinuteLimit(message: string | undefined): number | undefined {
	const match =
		/(\d[\d,]*)\s*(?:api\s+)?(?:calls|requests|inputs)\s*(?:\/|per|a)\s*min(?:ute)?\b/i.exec(
			message ?? '',
		);
	return match ? Number(match[1].replace(/,/g, '')) : undefined;
}

/** What an answer tells the pace: a trial key's call headers, a 429's number, a requested wait. */
export function paceAnswer(status: number, headers: IDataObject, message?: string): PaceAnswer {
	const numberHeader = (name: string) => {
		const value = Number(headerValue(headers, name));
		return headerValue(headers, name) !== undefined && Number.isFinite(value) ? value : undefined;
	};
	return {
		status,
		callLimit: numberHeader('x-trial-endpoint-call-limit'),
		callsRemaining: numberHeader('x-trial-endpoint-call-remaining'),
		namedLimit: status === 429 ? namedPerMinuteLimit(message) : undefined,
		requestedDelayMs: status === 429 ? serverRequestedDelayMs(headers) : undefined,
	};
}

const SOURCES = {
	documented: "Cohere's documented limit",
	headers: "as the key's headers say",
	message: "as Cohere's 429 said",
	observed: 'learned from what got through',
} as const;

/** A pace in words, for the execution hint: "POST /v2/chat command-a-03-2025: 20 calls a minute, …". */
export function describePace(bucket: Bucket, pace: Pacer): string {
	const name = bucket.name.trim();
	if (pace.serverWaits > 0 && pace.source === 'documented')
		return `${name}: the wait the server asked for after a 429`;
	const unit = bucket.terms.countsCalls ? 'calls' : 'inputs';
	const per = pace.windowMs === 60_000 ? 'a minute' : `per ${pace.windowMs / 1000} s`;
	const limit =
		pace.limit === undefined
			? 'no limit known'
			: `${pace.limit.toLocaleString('en-US')} ${unit} ${per}`;
	return `${name}: ${limit}, ${SOURCES[pace.source]}`;
}
