/* The one way our nodes talk to Cohere. The request loop lives here; each rule it applies has its own module:
 * the Base URL (baseUrl.ts), where the key may go (keyScope.ts, redirects.ts), retries and backoff
 * (retry.ts), failed connections (network.ts), bodies and streams (body.ts), header checks (headers.ts),
 * the run's shared limiter (limiter.ts), timeouts and retries from the Options (settings.ts). */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { getConnection } from './baseUrl';
import { parseBody, readStream } from './body';
import { apiErrorFromNetwork, apiErrorFromResponse, extractApiMessage } from './errors';
import { checkHeaders, headerValue } from './headers';
import { limiterOf, RateLimitTracker } from './limiter';
import { networkOutcome } from './network';
import { bucketOf, describePace, paceAnswer, paceFor } from './pacing';
import { followRedirect, REDIRECT_STATUSES } from './redirects';
import { redactSecret } from './redact';
import { isRetryableStatus, namesMonthlyQuota, retryDelayMs } from './retry';
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_SECONDS, requestSettings } from './settings';
import type { CohereContext, CohereRequest, CohereResponse, PaceTicket } from './types';
import { CREDENTIAL_TYPE } from './types';
import { cancelSignal, detachedFromCancel, sleepUnlessCancelled } from './wait';

export {
	DEFAULT_MAX_RETRIES,
	DEFAULT_TIMEOUT_SECONDS,
	DROPDOWN_SETTINGS,
	getRequestSettings,
	requestOptions,
} from './settings';
export type { RequestSettings } from './settings';
export type { CohereContext, CohereRequest, CohereResponse } from './types';
export { CREDENTIAL_TYPE } from './types';
export { DEFAULT_BASE_URL, getBaseUrl, normalizeBaseUrl, parseBaseUrl } from './baseUrl';
export { keyMayGoTo } from './keyScope';
export { backoffDelayMs, isRetryableStatus, retryDelayMs, serverRequestedDelayMs } from './retry';

/** The HTTP client's options for a request: JSON or a raw body, the timeout, and no redirects of its own. */
function httpOptions(
	request: CohereRequest,
	url: string,
	timeoutSeconds: number,
): IHttpRequestOptions {
	return {
		method: request.method,
		url,
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
		// Redirects are followed by the loop, only within the Base URL's origin: the key must never go elsewhere.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
		...(request.stream ? { encoding: 'stream' as const } : {}),
	};
}

/**
 * The one way our nodes talk to Cohere: base URL from the credential, JSON in and out, the credential's
 * authentication applied by n8n, retries with backoff on 408/429/5xx and connection resets, same-origin
 * redirects, and Cohere's errors turned into NodeApiErrors with plain words.
 */
export async function cohereRequest<T = IDataObject>(
	this: CohereContext,
	request: CohereRequest,
): Promise<CohereResponse<T>> {
	if (request.evenIfCancelled && cancelSignal(this))
		return await (cohereRequest<T>).call(detachedFromCancel(this), {
			...request,
			evenIfCancelled: false,
		});
	const node = this.getNode();
	const connection = await getConnection.call(this);
	const baseUrl = /^https?:\/\//i.test(request.path) ? undefined : connection.baseUrl;
	const settings = requestSettings.call(this, request);
	const timeoutSeconds = settings.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
	const maxRetries = settings.maxRetries ?? DEFAULT_MAX_RETRIES;
	if (request.headers) checkHeaders(node, request.headers, request.itemIndex);
	const redact = <V>(value: V): V => redactSecret(value, connection.apiKey);
	const retryWait = async (ms: number) =>
		await sleepUnlessCancelled(ms, cancelSignal(this), node, 'waiting to retry');

	let options = httpOptions(request, `${baseUrl ?? ''}${request.path}`, timeoutSeconds);
	let redirects = 0;
	// Failed attempts so far: redirects and 429s taken as pace are not failures.
	let attempt = 0;
	// The run's limiter (requests in flight) and the key's pace in time, shared by every execution. A
	// dropdown or a credential test has neither.
	const limiter = limiterOf.call(this);
	const rateLimits = new RateLimitTracker(limiter);
	const bucket = limiter ? bucketOf(request) : undefined;
	const pace = bucket ? paceFor(connection.apiKey, connection.origin, bucket) : undefined;

	for (;;) {
		const retry = rateLimits.times > 0;
		const slot = await limiter?.acquire(node, cancelSignal(this), retry);
		let ticket: PaceTicket | undefined;
		if (pace && bucket) {
			let admitted: Awaited<ReturnType<typeof pace.admit>> | undefined;
			try {
				admitted = await pace.admit(bucket.weight, node, cancelSignal(this), retry);
			} finally {
				// Cancelled while waiting: the place in flight is given back.
				if (!admitted) limiter!.release(slot!, 'failed');
			}
			ticket = admitted.ticket;
			rateLimits.waited(admitted.waitedMs);
			// Described only when the request waited: most requests do not, and this runs for every one.
			if (admitted.waitedMs > 0) limiter!.paced(admitted.waitedMs, describePace(bucket, pace));
		}
		let response: { statusCode: number; headers: IDataObject; body: unknown };
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL_TYPE, {
				...options,
				headers: { ...options.headers },
			})) as typeof response;
		} catch (error) {
			if (ticket) pace!.settle(ticket, undefined);
			if (slot) limiter!.release(slot, 'failed');
			const outcome = networkOutcome(node, error, {
				cancelled: cancelSignal(this)?.aborted === true,
				canRetry: attempt < maxRetries,
				attempts: attempt + 1,
				baseUrl,
				timeoutSeconds,
				itemIndex: request.itemIndex,
			});
			if (!outcome.retry) throw outcome.error;
			await retryWait(retryDelayMs(attempt++, undefined));
			continue;
		}

		const status = response.statusCode;
		const headers = response.headers ?? {};
		rateLimits.release(slot, status);
		let body: unknown;
		// Cohere's words on a 429: the number it names, and whether a monthly allowance is used up.
		let limitMessage: string | undefined;
		try {
			// The stream is only handed on for a 2xx: anything else is read here, as a whole body.
			if (request.stream && status >= 200 && status < 300) body = response.body;
			else {
				if (request.stream) response.body = await readStream(response.body);
				body = readBody(node, status, response.body, request.itemIndex);
				if (status === 429) limitMessage = extractApiMessage(body);
			}
		} finally {
			if (ticket) pace!.settle(ticket, paceAnswer(status, headers, limitMessage));
		}
		if (request.stream && status >= 200 && status < 300)
			return { status, headers, body: body as T };

		const location = headerValue(headers, 'location');
		if (REDIRECT_STATUSES.has(status) && location) {
			options = followRedirect(node, options, {
				status,
				location,
				origin: connection.origin,
				followed: redirects++,
				itemIndex: request.itemIndex,
				redact,
			});
			continue;
		}

		if (status >= 200 && status < 300) return { status, headers, body: body as T };
		const monthly = namesMonthlyQuota(limitMessage);
		if (status === 429 && limiter && !monthly) {
			// The key's pace holds this request (and every other on the key) until the window has room.
			if (rateLimits.absorbs(timeoutSeconds)) continue;
			if (attempt < maxRetries) {
				attempt++;
				continue;
			}
		} else if (isRetryableStatus(status) && !monthly && attempt < maxRetries) {
			await retryWait(retryDelayMs(attempt++, headers));
			continue;
		}
		// Whatever the server sends back may echo the request (and so the key): it is redacted first.
		if (request.returnErrors) return { status, headers: redact(headers), body: redact(body) as T };
		const error = apiErrorFromResponse(node, status, redact(body), request.itemIndex);
		if (isRetryableStatus(status) && maxRetries > 0 && !monthly)
			error.description =
				`${error.description ?? ''} (gave up after ${attempt + 1} attempts)`.trim();
		throw error;
	}
}

/** The parsed body; a 2xx that is not JSON means the Base URL is not an API (an HTML page, a proxy). */
function readBody(
	node: ReturnType<CohereContext['getNode']>,
	status: number,
	raw: unknown,
	itemIndex?: number,
): unknown {
	try {
		return parseBody(raw);
	} catch {
		if (status >= 200 && status < 300) {
			throw apiErrorFromNetwork(
				node,
				'EBADJSON',
				'Cohere answered with a body that is not valid JSON: check the Base URL points at the Cohere API',
				itemIndex,
			);
		}
		return raw;
	}
}

/** Most callers only want the parsed body. */
export async function cohereApiRequest<T = IDataObject>(
	this: CohereContext,
	request: CohereRequest,
): Promise<T> {
	return (await cohereRequest.call(this, request)).body as T;
}
