import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CohereContext } from './types';
import { CREDENTIAL_TYPE } from './types';

export const DEFAULT_BASE_URL = 'https://api.cohere.com';

/**
 * Accepts `https://host`, `https://host/`, `https://host/v1` and `https://host/v1/`; a Base URL typed
 * without a scheme (`api.cohere.com`) is taken as https, as a browser would.
 */
export function normalizeBaseUrl(raw: unknown): string {
	const text = typeof raw === 'string' && raw.trim() !== '' ? raw.trim() : DEFAULT_BASE_URL;
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
	return withScheme.replace(/\/+$/, '').replace(/\/v1$/, '');
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

export async function getConnection(this: CohereContext): Promise<Connection> {
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
