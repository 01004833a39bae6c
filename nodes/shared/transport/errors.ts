import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { namesMonthlyQuota } from './retry';

/** Plain-words summary per HTTP status; Cohere's own message goes into the description. */
export function messageForStatus(status: number): string {
	if (status === 400) return 'Cohere rejected the request as invalid (400)';
	if (status === 401)
		return 'Cohere rejected the API key (401): check the API Key in the Cohere API credential';
	if (status === 402)
		return 'Cohere billing limit reached (402): add a payment method or raise the limit in the Cohere dashboard';
	if (status === 403) return 'The API key is not allowed to do this (403)';
	if (status === 404)
		return 'Model or resource not found (404): check the model name, the ID or the path';
	if (status === 408) return 'Cohere timed out on the request (408)';
	if (status === 422)
		return 'Cohere could not process the request (422): a parameter has an invalid value';
	if (status === 429)
		return "Cohere rate limit reached (429): the key's limit kept refusing requests; other workflows may share the key, or use a production key";
	if (status === 498) return 'Cohere blocked the content (498)';
	if (status === 499) return 'The request was cancelled (499)';
	if (status >= 500) return `Cohere service problem (${status}): try again later`;
	return `Cohere answered with HTTP ${status}`;
}

/** Cohere errors carry `{ message }`; gateways sometimes use OpenAI's `{ error: { message } }` or plain text. */
export function extractApiMessage(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() ? body.trim().slice(0, 2000) : undefined;
	if (body && typeof body === 'object') {
		const record = body as Record<string, unknown>;
		if (typeof record.message === 'string') return record.message;
		const nested = record.error;
		if (typeof nested === 'string') return nested;
		if (
			nested &&
			typeof nested === 'object' &&
			typeof (nested as JsonObject).message === 'string'
		) {
			return (nested as JsonObject).message as string;
		}
		if (typeof record.detail === 'string') return record.detail;
	}
	return undefined;
}

export function apiErrorFromResponse(
	node: INode,
	status: number,
	body: unknown,
	itemIndex?: number,
): NodeApiError {
	const apiMessage = extractApiMessage(body);
	const summary =
		status === 429 && namesMonthlyQuota(apiMessage)
			? "The API key's monthly calls are used up (429): waiting does not help; use a production key, or wait for next month's allowance"
			: messageForStatus(status);
	const errorResponse: JsonObject = {
		httpCode: String(status),
		message: apiMessage ?? summary,
	};
	if (body && typeof body === 'object') errorResponse.body = body as JsonObject;
	return new NodeApiError(node, errorResponse, {
		message: summary,
		description: apiMessage ?? `HTTP ${status} with no message from Cohere`,
		httpCode: String(status),
		itemIndex,
	});
}

/**
 * Network-level failure, built from the code and our text only, never from the request (which holds the key).
 * The code stays out of the message and out of status-like fields, where n8n would swap our words for its generic ones.
 */
export function apiErrorFromNetwork(
	node: INode,
	code: string,
	detail: string,
	itemIndex?: number,
	description = `Network error: ${code}`,
): NodeApiError {
	return new NodeApiError(
		node,
		{ networkError: code, message: detail },
		{ message: detail, description, itemIndex },
	);
}
