import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
} from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { apiErrorFromNetwork, apiErrorFromResponse } from './errors';

export const CREDENTIAL_TYPE = 'cohereBearerApi';
export const DEFAULT_BASE_URL = 'https://api.cohere.com';
/** Cohere's SDKs wait 300 s for an answer before giving up. */
export const DEFAULT_TIMEOUT_SECONDS = 300;
export const DEFAULT_MAX_RETRIES = 2;
const MAX_BACKOFF_MS = 60_000;

type CohereContext = IExecuteFunctions | ILoadOptionsFunctions;

export interface RequestSettings {
	timeoutSeconds?: number;
	maxRetries?: number;
}

export interface CohereRequest {
	method: IHttpRequestMethods;
	/** Path below the Base URL (`/v2/chat`) or, for the Raw HTTP node, a full URL already checked against it. */
	path: string;
	body?: IDataObject | IDataObject[];
	/** A body sent as it is (e.g. a multipart upload), with its content type. */
	rawBody?: { data: Buffer; contentType: string };
	qs?: IDataObject;
	headers?: IDataObject;
	itemIndex?: number;
	settings?: RequestSettings;
	/** Return non-2xx answers instead of throwing (Raw HTTP's "never error"). */
	returnErrors?: boolean;
}

export interface CohereResponse<T = unknown> {
	status: number;
	headers: IDataObject;
	body: T;
}

/** Accepts `https://host`, `https://host/`, `https://host/v1` and `https://host/v1/`. */
export function normalizeBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	return text.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/** `/api/v1/` and `api/v1` both become `/api/v1`. */
export function normalizePath(path: string): string {
	const trimmed = path.trim().replace(/\/+$/, '');
	return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** One credential read per node run, not one per request: a run of 10,000 items makes many requests. */
const baseUrls = new WeakMap<CohereContext, Promise<string>>();

export async function getBaseUrl(this: CohereContext): Promise<string> {
	let baseUrl = baseUrls.get(this);
	if (!baseUrl) {
		baseUrl = this.getCredentials(CREDENTIAL_TYPE).then((credentials) =>
			normalizeBaseUrl(credentials.baseUrl),
		);
		baseUrls.set(this, baseUrl);
	}
	return await baseUrl;
}

/** Reads the timeout and retry options that every node keeps in its "Options" collection. */
export function getRequestSettings(this: IExecuteFunctions, itemIndex: number): RequestSettings {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	return {
		timeoutSeconds: typeof options.timeout === 'number' ? options.timeout : DEFAULT_TIMEOUT_SECONDS,
		maxRetries: typeof options.maxRetries === 'number' ? options.maxRetries : DEFAULT_MAX_RETRIES,
	};
}

// A reset or broken connection is worth another try; a refused one usually means a wrong Base URL.
const RETRYABLE_NETWORK_CODES = new Set([
	'ECONNRESET',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

export function isRetryableStatus(status: number): boolean {
	return status === 408 || status === 429 || status >= 500;
}

function headerValue(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return String(Array.isArray(value) ? value[0] : value);
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

function cancelSignal(context: CohereContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/** Waits in short steps so that a cancelled execution stops waiting at once. */
export async function waitUnlessCancelled(
	context: CohereContext,
	ms: number,
	node: INode,
): Promise<void> {
	const signal = cancelSignal(context);
	let left = ms;
	while (left > 0) {
		if (signal?.aborted)
			throw new NodeOperationError(node, 'The execution was cancelled while waiting to retry');
		const step = Math.min(left, 250);
		await sleep(step);
		left -= step;
	}
	if (signal?.aborted)
		throw new NodeOperationError(node, 'The execution was cancelled while waiting to retry');
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body === '') return {};
	return JSON.parse(body) as unknown;
}

/**
 * The one way our nodes talk to Cohere: base URL from the credential, JSON in and out, the credential's
 * authentication applied by n8n, retries with backoff on 408/429/5xx and connection resets, and Cohere's
 * errors turned into NodeApiErrors with plain words.
 */
export async function cohereRequest<T = IDataObject>(
	this: CohereContext,
	request: CohereRequest,
): Promise<CohereResponse<T>> {
	const node = this.getNode();
	const baseUrl = /^https?:\/\//i.test(request.path) ? undefined : await getBaseUrl.call(this);
	const timeoutSeconds = request.settings?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
	const maxRetries = Math.max(0, request.settings?.maxRetries ?? DEFAULT_MAX_RETRIES);

	const options: IHttpRequestOptions = {
		method: request.method,
		url: baseUrl === undefined ? request.path : `${baseUrl}${request.path}`,
		qs: request.qs,
		headers: {
			Accept: 'application/json',
			...(request.rawBody ? { 'Content-Type': request.rawBody.contentType } : {}),
			...(request.headers ?? {}),
		},
		body: request.rawBody ? request.rawBody.data : request.body,
		json: !request.rawBody,
		// Cohere reads list parameters repeated: keep_fields=a&keep_fields=b.
		arrayFormat: 'repeat',
		timeout: timeoutSeconds * 1000,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};

	for (let attempt = 0; ; attempt++) {
		let response: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				...options,
				headers: { ...options.headers },
			})) as typeof response;
		} catch (error) {
			const cause =
				(error as { cause?: { code?: string; message?: string } }).cause ??
				(error as { code?: string; message?: string });
			const code = String(cause?.code ?? (error as { code?: string }).code ?? 'EUNKNOWN');
			if (cancelSignal(this)?.aborted || code === 'ERR_CANCELED') {
				throw new NodeOperationError(node, 'The execution was cancelled while waiting for Cohere', {
					itemIndex: request.itemIndex,
				});
			}
			if (
				code === 'ECONNABORTED' ||
				code === 'ETIMEDOUT' ||
				/timeout/i.test(String(cause?.message))
			) {
				throw apiErrorFromNetwork(
					node,
					'ETIMEDOUT',
					`Cohere did not answer within ${timeoutSeconds} s: raise the Timeout option or send less per request`,
					request.itemIndex,
				);
			}
			if (RETRYABLE_NETWORK_CODES.has(code) && attempt < maxRetries) {
				await waitUnlessCancelled(this, retryDelayMs(attempt, undefined), node);
				continue;
			}
			throw apiErrorFromNetwork(
				node,
				code,
				`Could not reach Cohere at ${baseUrl ?? 'the given URL'}${attempt > 0 ? ` after ${attempt + 1} attempts` : ''}: check the Base URL and the network`,
				request.itemIndex,
			);
		}

		const status = response.statusCode;
		const headers = response.headers ?? {};
		let body: unknown;
		try {
			body = parseBody(response.body);
		} catch {
			if (status >= 200 && status < 300) {
				throw apiErrorFromNetwork(
					node,
					'EBADJSON',
					'Cohere answered with a body that is not valid JSON: check the Base URL points at the Cohere API',
					request.itemIndex,
				);
			}
			body = response.body;
		}

		if (status >= 200 && status < 300) return { status, headers, body: body as T };
		if (isRetryableStatus(status) && attempt < maxRetries) {
			await waitUnlessCancelled(this, retryDelayMs(attempt, headers), node);
			continue;
		}
		if (request.returnErrors) return { status, headers, body: body as T };

		const error = apiErrorFromResponse(node, status, body, request.itemIndex);
		if (isRetryableStatus(status) && maxRetries > 0) {
			error.description =
				`${error.description ?? ''} (gave up after ${attempt + 1} attempts)`.trim();
		}
		throw error;
	}
}

/** Most callers only want the parsed body. */
export async function cohereApiRequest<T = IDataObject>(
	this: CohereContext,
	request: CohereRequest,
): Promise<T> {
	return (await cohereRequest.call(this, request)).body as T;
}
