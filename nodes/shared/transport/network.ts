import type { INode, NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { apiErrorFromNetwork } from './errors';
import { RETRYABLE_NETWORK_CODES } from './retry';

/** What a request that got no HTTP answer comes to: another try, or the error to throw. */
export type NetworkOutcome =
	| { retry: true }
	| { retry: false; error: NodeApiError | NodeOperationError };

/**
 * Reads a failed HTTP call (no answer at all): cancelled, timed out, a reset worth another try, TLS
 * spoken to a plain-HTTP server, or a server that cannot be reached. Each error says what to do.
 */
export function networkOutcome(
	node: INode,
	error: unknown,
	context: {
		cancelled: boolean;
		canRetry: boolean;
		attempts: number;
		baseUrl?: string;
		timeoutSeconds: number;
		itemIndex?: number;
	},
): NetworkOutcome {
	const { itemIndex, baseUrl } = context;
	const cause =
		(error as { cause?: { code?: string; message?: string } }).cause ??
		(error as { code?: string; message?: string });
	const code = String(cause?.code ?? (error as { code?: string }).code ?? 'EUNKNOWN');
	const fail = (failure: NodeApiError | NodeOperationError): NetworkOutcome => ({
		retry: false,
		error: failure,
	});
	if (context.cancelled || code === 'ERR_CANCELED')
		return fail(
			new NodeOperationError(node, 'The execution was cancelled while waiting for Cohere', {
				itemIndex,
			}),
		);
	if (code === 'ECONNABORTED' || code === 'ETIMEDOUT' || /timeout/i.test(String(cause?.message)))
		return fail(
			apiErrorFromNetwork(
				node,
				'ETIMEDOUT',
				`Cohere did not answer within ${context.timeoutSeconds} s: raise the Timeout option or send less per request`,
				itemIndex,
			),
		);
	if (RETRYABLE_NETWORK_CODES.has(code) && context.canRetry) return { retry: true };
	// A TLS handshake answered in plain HTTP: a Base URL without a scheme is taken as https://.
	if (
		baseUrl?.startsWith('https://') &&
		(code === 'EPROTO' ||
			/wrong version number|packet length too long|ssl3_get_record/i.test(String(cause?.message)))
	)
		return fail(
			apiErrorFromNetwork(
				node,
				code === 'EUNKNOWN' ? 'EPROTO' : code,
				`The server at ${baseUrl} does not speak HTTPS: if it is a plain-HTTP server (a local gateway or proxy), start the Base URL with http://`,
				itemIndex,
			),
		);
	return fail(
		apiErrorFromNetwork(
			node,
			code,
			`Could not reach Cohere at ${baseUrl ?? 'the given URL'}${context.attempts > 1 ? ` after ${context.attempts} attempts` : ''}: check the Base URL and the network`,
			itemIndex,
		),
	);
}
