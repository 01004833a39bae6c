/* What every endpoint handler of the emulator shares: the request and answer shapes, Cohere's error form, its
 * per-call limits, repeatable numbers and vectors, and the model check. Shapes follow cohere-openapi.yaml. */
import { createHash } from 'node:crypto';
import { findModel } from '../models';

export type Json = Record<string, unknown>;

export interface EmulatorRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	/** Every value of repeated query parameters (keep_fields=a&keep_fields=b). */
	queryAll?: Record<string, string[]>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

export interface EmulatorResponse {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
	/** Server-sent events instead of a JSON body (`stream: true`). */
	events?: Array<{ event: string; data: Json }>;
	/** The documented connector sample this answer replays as it is written (not always Cohere's shape). */
	sample?: string;
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

export const invalid = (message: string) => new ApiError(400, `invalid request: ${message}`);
export const ok = (body: unknown, headers?: Record<string, string>): EmulatorResponse => ({
	status: 200,
	body,
	headers,
});

export const LIMITS = {
	embedTexts: 96,
	classifyInputs: 96,
	tokenizeChars: 65536,
	rerankDocuments: 1000,
};

/** Same input, same numbers: xorshift32 seeded from a SHA-256 of the text (cheap enough for 10,000 texts). */
export function seededNumbers(seed: string, count: number): number[] {
	let state = createHash('sha256').update(seed).digest().readUInt32BE(0) || 1;
	const values: number[] = new Array(count);
	for (let i = 0; i < count; i++) {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		values[i] = (state >>> 0) / 4294967295;
	}
	return values;
}

/** A UUID (v4 layout) derived from a seed: Cohere's ids are UUIDs, and the emulator's stay repeatable. */
export function seededUuid(seed: string): string {
	const hex = createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const tokenVectors = new Map<string, number[]>();

/**
 * A bag-of-words embedding: the normalized sum of a fixed random vector per word. Texts that share words are
 * close, so classifiers and searches built on these embeddings can be checked for correctness, not only shape.
 */
export function fakeEmbedding(text: string, dimensions: number): number[] {
	const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [text];
	const sum = new Array<number>(dimensions).fill(0);
	for (const token of tokens) {
		const key = `${dimensions}:${token}`;
		let vector = tokenVectors.get(key);
		if (!vector) {
			vector = seededNumbers(token, dimensions).map((v) => v * 2 - 1);
			tokenVectors.set(key, vector);
		}
		for (let i = 0; i < dimensions; i++) sum[i] += vector[i];
	}
	const norm = Math.sqrt(sum.reduce((total, v) => total + v * v, 0)) || 1;
	return sum.map((v) => Math.round((v / norm) * 1000) / 1000 + 0);
}

export const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
export const countTokens = (text: string) => Math.max(1, Math.ceil(words(text).length * 1.3));
export const apiVersion = (version = '2') => ({
	version,
	is_deprecated: false,
	is_experimental: false,
});
export const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);
export function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value as Json)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical((value as Json)[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value);
}
export const overlap = (a: string, b: string) => {
	const left = new Set(words(a));
	const right = words(b);
	return (
		right.filter((w) => left.has(w)).length /
		Math.max(1, Math.sqrt(left.size * Math.max(1, right.length)))
	);
};

export function requireModel(body: Json, endpoint: string) {
	if (typeof body.model !== 'string' || body.model === '')
		throw invalid('a model parameter is required for this endpoint.');
	const model = findModel(body.model);
	if (!model) {
		throw new ApiError(
			404,
			`model '${body.model}' not found, make sure the correct model ID was used and that you have access to the model.`,
		);
	}
	if (!model.endpoints.includes(endpoint))
		throw invalid(`model '${body.model}' does not support the ${endpoint} endpoint.`);
	return model;
}
