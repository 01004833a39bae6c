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

/** Where a pace was learned: Cohere's docs, a trial key's headers, a 429's message, or what got through. */
export type PaceSource = 'documented' | 'headers' | 'message' | 'observed';

/** What is known of a bucket before its first answer (see pacing.ts). */
export interface BucketTerms {
	/** Cohere's documented limit per window on a production key; the pace until the key says otherwise. */
	documented: number;
	/** Sent at once before the first answer: a trial key's limit, where it is lower. */
	firstBurst?: number;
	/** Counted in calls, so that a trial key's call headers describe it (embed counts inputs). */
	countsCalls: boolean;
}

/** A request admitted: its place in the window. A probe goes past the pace, to find a higher limit. */
export interface PaceTicket {
	seq: number;
	weight: number;
	sentAt: number;
	probe: boolean;
}

/** What an answer told the pacer. `callLimit`, `callsRemaining`: a trial key's headers. */
export interface PaceAnswer {
	status: number;
	callLimit?: number;
	callsRemaining?: number;
	/** The per-minute number a 429's message names ("limited to 20 API calls / minute"). */
	namedLimit?: number;
	/** The wait a server asked for (Retry-After and the like): Cohere sends none, gateways may. */
	requestedDelayMs?: number;
}
