import type { IHttpRequestOptions, INode } from 'n8n-workflow';

import { apiErrorFromNetwork } from './errors';
import { keyMayGoTo } from './keyScope';

export const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** Same-origin redirects followed for one request (a gateway moving a path, http to https on one host...). */
export const MAX_REDIRECTS = 5;

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

/**
 * The request a redirect asks for. Followed only within the Base URL's origin (keyMayGoTo) and at most
 * MAX_REDIRECTS times; anything else is an error that says where the server wanted to go.
 */
export function followRedirect(
	node: INode,
	options: IHttpRequestOptions,
	redirect: {
		status: number;
		location: string;
		origin: string;
		followed: number;
		itemIndex?: number;
		redact: (text: string) => string;
	},
): IHttpRequestOptions {
	const { status, location, origin, itemIndex } = redirect;
	let to: URL | undefined;
	try {
		to = new URL(location, new URL(options.url));
	} catch {
		to = undefined;
	}
	if (!to || !keyMayGoTo(origin, to)) {
		const target = to ? to.origin : redirect.redact(location).slice(0, 200);
		throw apiErrorFromNetwork(
			node,
			'ECROSSORIGINREDIRECT',
			`${origin} redirected the request to ${target} (HTTP ${status}): not followed, because the API key is only sent to the credential's Base URL`,
			itemIndex,
			`If ${target} is the right address for the Cohere API, set it as the Base URL in the Cohere credential.`,
		);
	}
	if (redirect.followed >= MAX_REDIRECTS) {
		throw apiErrorFromNetwork(
			node,
			'ETOOMANYREDIRECTS',
			`${origin} redirected the request more than ${MAX_REDIRECTS} times: check the Base URL`,
			itemIndex,
		);
	}
	return redirectTarget(options, status, to.href);
}
