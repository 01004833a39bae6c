import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	ISupplyDataFunctions,
	INode,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiErrorFromNetwork, apiErrorFromResponse } from './errors';
import { limiterOf } from './limiter';
import { sleepUnlessCancelled } from './wait';
import { redactSecret } from './redact';
import { checkNumberFields } from '../helpers/numbers';
import type { RequestSettings } from './settings';
import {
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_SECONDS,
	getRequestSettings,
	requestOptions,
} from './settings';

export {
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_SECONDS,
	DROPDOWN_SETTINGS,
	getRequestSettings,
	requestOptions,
} from './settings';
export type { RequestSettings } from './settings';

export const CREDENTIAL_TYPE = 'cohereBearerApi';
export const DEFAULT_BASE_URL = 'https://api.cohere.com';
const MAX_BACKOFF_MS = 60_000;
/** Same-origin redirects followed for one request (a gateway moving a path, http to https on one host...). */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** RFC 9110 token characters: what a header name may hold. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export type CohereContext = IExecuteFunctions | ILoadOptionsFunctions | ISupplyDataFunctions;

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
	/** Timeout and retries; by default the node's own *Options* for `itemIndex` (see requestSettings). */
	settings?: RequestSettings;
	/** Return non-2xx answers instead of throwing (Raw HTTP's "never error"). */
	returnErrors?: boolean;
	/**
	 * Answer a 2xx with the body as a stream of bytes (server-sent events), unread. Errors, retries and
	 * redirects are handled as for any request: a non-2xx body is read whole and parsed.
	 */
	stream?: boolean;
	/**
	 * Send it even when the execution was cancelled: n8n aborts every request of a cancelled execution, and
	 * this one cleans up after it (cancels the batch that execution started on Cohere's side).
	 */
	evenIfCancelled?: boolean;
}

export interface CohereResponse<T = unknown> {
	status: number;
	headers: IDataObject;
	body: T;
}

/**
 * Accepts `https://host`, `https://host/`, `https://host/v1` and `https://host/v1/`; a Base URL typed
 * without a scheme (`api.cohere.com`) is taken as https, as a browser would.
 */
export function normalizeBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
	return withScheme.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/** `/api/v1/` and `api/v1` both become `/api/v1`. */
export function normalizePath(path: string): string {
	const trimmed = path.trim().replace(/\/+$/, '');
	return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

/** What the transport needs from the credential: where requests go, and the key to keep out of errors. */
interface Connection {
	baseUrl: string;
	/** The Base URL's origin: the only place the key is ever sent. */
	origin: string;
	apiKey: string;
}

/** Checks the Base URL once, with a message that says what is wrong with it. */
export function parseBaseUrl(node: INode, raw: unknown): { baseUrl: string; origin: string } {
	const baseUrl = normalizeBaseUrl(raw);
	let url: URL | undefined;
	try {
		url = new URL(baseUrl);
	} catch {
		url = undefined;
	}
	if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname) {
		throw new NodeOperationError(
			node,
			`The Base URL in the Cohere credential is not a valid http(s) URL: "${String(raw)}"`,
			{ description: "Use the form https://api.cohere.com, or your gateway's address." },
		);
	}
	return { baseUrl, origin: url.origin };
}

/** One credential read per node run, not one per request: a run of 10,000 items makes many requests. */
const connections = new WeakMap<CohereContext, Promise<Connection>>();

async function getConnection(this: CohereContext): Promise<Connection> {
	let connection = connections.get(this);
	if (!connection) {
		connection = this.getCredentials(CREDENTIAL_TYPE).then((credentials) => ({
			...parseBaseUrl(this.getNode(), credentials.baseUrl),
			apiKey: typeof credentials.apiKey === 'string' ? credentials.apiKey : '',
		}));
		connections.set(this, connection);
	}
	return await connection;
}

export async function getBaseUrl(this: CohereContext): Promise<string> {
	return (await getConnection.call(this)).baseUrl;
}

/** Header names and values that the HTTP client would refuse with an obscure error are refused here, by name. */
function checkHeaders(node: INode, headers: IDataObject, itemIndex?: number): void {
	for (const [name, value] of Object.entries(headers)) {
		const where = itemIndex === undefined ? '' : ` (item ${itemIndex})`;
		if (!HEADER_NAME.test(name)) {
			throw new NodeOperationError(
				node,
				`The header name "${name.replace(/[\r\n]/g, '\\n')}" is not valid${where}`,
				{
					itemIndex,
					description:
						'A header name is one word of letters, digits and - (e.g. X-Trace-Id), without ":", spaces or line breaks; put the value in the Value field.',
				},
			);
		}
		if (/[\r\n\0]/.test(String(value ?? ''))) {
			throw new NodeOperationError(
				node,
				`The value of header "${name}" contains a line break${where}`,
				{ itemIndex, description: 'Header values must be on one line.' },
			);
		}
	}
}

/** Where a redirect goes, and with which method and body (as browsers and n8n's own client do). */
function redirectTarget(
	options: IHttpRequestOptions,
	status: number,
	location: string,
): IHttpRequestOptions {
	const method = (options.method ?? 'GET').toUpperCase();
	const becomesGet =
		(status === 303 && method !== 'GET' && method !== 'HEAD') ||
		((status === 301 || status === 302) && method === 'POST');
	return {
		...options,
		url: location,
		// The Location carries its own query string.
		qs: undefined,
		...(becomesGet ? { method: 'GET', body: undefined } : {}),
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

/**
 * How long a 429 pauses the whole run: exactly what the server asked for (every request waits on the same
 * pause, so there is no lockstep to break), else the exponential backoff of this request's 429s so far.
 */
export function retryPauseMs(times: number, headers: IDataObject, random = Math.random): number {
	const requested = serverRequestedDelayMs(headers);
	return Math.min(requested ?? backoffDelayMs(times, random), MAX_BACKOFF_MS);
}

function cancelSignal(this: CohereContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in this ? this.getExecutionCancelSignal() : undefined;
}

/** Waits in short steps so that a cancelled execution stops waiting at once. */
export async function waitUnlessCancelled(
	this: CohereContext,
	ms: number,
	node: INode,
): Promise<void> {
	await sleepUnlessCancelled(ms, cancelSignal.call(this), node, 'waiting to retry');
}

/** The whole of a response body that came as a stream (an error answer to a streaming request). */
async function readStream(body: unknown): Promise<string> {
	if (typeof body === 'string' || body === undefined || body === null) return String(body ?? '');
	if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function')
		return JSON.stringify(body);
	let text = '';
	const decoder = new TextDecoder();
	for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
		text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
	}
	return text + decoder.decode();
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body === '') return {};
	return JSON.parse(body) as unknown;
}

/**
 * The timeout and retries of a request: the ones it brings (the dropdowns' short ones, a sub-node's read
 * when it was set up), else the node's own *Options* for the request's item (item 0 for a request that
 * serves many items), so that operations need not read them.
 */
function requestSettings(this: CohereContext, request: CohereRequest): RequestSettings {
	if (request.settings) {
		// Read from the Options, settings are checked there (getRequestSettings); ones a caller brings are
		// checked here, against the same declared ranges.
		checkNumberFields.call(
			this,
			requestOptions,
			{ timeout: request.settings.timeoutSeconds, maxRetries: request.settings.maxRetries },
			request.itemIndex ?? 0,
		);
		return request.settings;
	}
	// Only a node run has items; a dropdown (load options) always brings its own settings.
	if (!('getInputData' in this)) return {};
	return getRequestSettings.call(this, request.itemIndex ?? 0);
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
	if (request.evenIfCancelled && 'getExecutionCancelSignal' in this) {
		// n8n takes the signal from the context it is called with: this one has none, and no run limiter.
		const detached = Object.create(this, {
			getExecutionCancelSignal: { value: () => undefined },
		}) as CohereContext;
		return await (cohereRequest<T>).call(detached, { ...request, evenIfCancelled: false });
	}
	const node = this.getNode();
	const connection = await getConnection.call(this);
	const isFullUrl = /^https?:\/\//i.test(request.path);
	const baseUrl = isFullUrl ? undefined : connection.baseUrl;
	const settings = requestSettings.call(this, request);
	const timeoutSeconds = settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
	const maxRetries = settings.maxRetries ?? DEFAULT_MAX_RETRIES;
	if (request.headers) checkHeaders(node, request.headers, request.itemIndex);
	const redact = <T>(value: T): T => redactSecret(value, connection.apiKey);

	let options: IHttpRequestOptions = {
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
		// Redirects are followed below, only within the Base URL's origin: the key must never go elsewhere.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		...(request.stream ? { encoding: 'stream' as const } : {}),
	};
	let redirects = 0;
	// The run's shared limiter (none for a dropdown): how many requests are in flight, and the pause a 429
	// puts on all of them.
	const limiter = limiterOf.call(this);
	let rateLimitedTimes = 0;
	let rateLimitedWaitMs = 0;
	// A 429 is absorbed when some request of the run got through since this one was sent or last limited.
	let successesAtLast429 = limiter?.successes ?? 0;

	for (let attempt = 0; ; attempt++) {
		let response: { statusCode: number; headers: IDataObject; body: unknown };
		const slot = await limiter?.acquire(node, cancelSignal.call(this), rateLimitedTimes > 0);
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				...options,
				headers: { ...options.headers },
			})) as typeof response;
		} catch (error) {
			if (slot) limiter!.release(slot, 'failed');
			const cause =
				(error as { cause?: { code?: string; message?: string } }).cause ??
				(error as { code?: string; message?: string });
			const code = String(cause?.code ?? (error as { code?: string }).code ?? 'EUNKNOWN');
			if (cancelSignal.call(this)?.aborted || code === 'ERR_CANCELED') {
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
				await waitUnlessCancelled.call(this, retryDelayMs(attempt, undefined), node);
				continue;
			}
			// A TLS handshake answered in plain HTTP: a Base URL without a scheme is taken as https://.
			if (
				baseUrl?.startsWith('https://') &&
				(code === 'EPROTO' ||
					/wrong version number|packet length too long|ssl3_get_record/i.test(
						String(cause?.message),
					))
			) {
				throw apiErrorFromNetwork(
					node,
					code === 'EUNKNOWN' ? 'EPROTO' : code,
					`The server at ${baseUrl} does not speak HTTPS: if it is a plain-HTTP server (a local gateway or proxy), start the Base URL with http://`,
					request.itemIndex,
				);
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
		if (slot) {
			if (status === 429) {
				const pauseMs = retryPauseMs(rateLimitedTimes, headers);
				limiter!.release(slot, 'rateLimited', pauseMs);
				rateLimitedWaitMs += pauseMs;
			} else if (status === 503) limiter!.release(slot, 'overloaded');
			else limiter!.release(slot, status >= 200 && status < 300 ? 'success' : 'failed');
		}

		if (request.stream) {
			// The stream is only handed on for a 2xx: anything else is read here, as a whole body.
			if (status >= 200 && status < 300) return { status, headers, body: response.body as T };
			response.body = await readStream(response.body);
		}

		const location = headerValue(headers, 'location');
		if (REDIRECT_STATUSES.has(status) && location) {
			const from = new URL(options.url);
			let to: URL | undefined;
			try {
				to = new URL(location, from);
			} catch {
				to = undefined;
			}
			if (!to || to.origin !== connection.origin) {
				const target = to ? to.origin : redact(location).slice(0, 200);
				throw apiErrorFromNetwork(
					node,
					'ECROSSORIGINREDIRECT',
					`${connection.origin} redirected the request to ${target} (HTTP ${status}): not followed, because the API key is only sent to the credential's Base URL`,
					request.itemIndex,
					`If ${target} is the right address for the Cohere API, set it as the Base URL in the Cohere credential.`,
				);
			}
			if (redirects >= MAX_REDIRECTS) {
				throw apiErrorFromNetwork(
					node,
					'ETOOMANYREDIRECTS',
					`${connection.origin} redirected the request more than ${MAX_REDIRECTS} times: check the Base URL`,
					request.itemIndex,
				);
			}
			redirects++;
			options = redirectTarget(options, status, to.href);
			// A redirect is not a failed attempt.
			attempt--;
			continue;
		}

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
		if (status === 429 && limiter) {
			rateLimitedTimes++;
			// Auto absorbs rate limits: while other requests of the run get through, a 429 is the pace, not a
			// failure, and does not use up Max Retries (up to the request's Timeout of waiting in all). 429s
			// with nothing getting through (a key out of quota) count as failed attempts.
			const progressing = limiter.successes > successesAtLast429;
			successesAtLast429 = limiter.successes;
			const absorbed =
				limiter.adaptive && progressing && rateLimitedWaitMs <= timeoutSeconds * 1000;
			if (absorbed || attempt < maxRetries) {
				if (absorbed) attempt--;
				// The limiter's pause holds this request (and every other) until the time Cohere named.
				continue;
			}
		} else if (isRetryableStatus(status) && attempt < maxRetries) {
			await waitUnlessCancelled.call(this, retryDelayMs(attempt, headers), node);
			continue;
		}
		// Whatever the server sends back may echo the request (and so the key): it is redacted first.
		if (request.returnErrors) return { status, headers: redact(headers), body: redact(body) as T };

		const error = apiErrorFromResponse(node, status, redact(body), request.itemIndex);
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
