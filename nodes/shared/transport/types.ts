import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	ISupplyDataFunctions,
} from 'n8n-workflow';

import type { RequestSettings } from './settings';

/** The name of the package's one credential. */
export const CREDENTIAL_TYPE = 'cohereBearerApi';

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
