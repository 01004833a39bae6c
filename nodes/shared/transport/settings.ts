import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	ISupplyDataFunctions,
} from 'n8n-workflow';

import { checkNumberFields } from '../parameters/numbers';
import type { CohereContext, CohereRequest } from './types';

/** Cohere's SDKs wait 300 s for an answer before giving up. */
export const DEFAULT_TIMEOUT_SECONDS = 300;
export const DEFAULT_MAX_RETRIES = 2;
/** The model dropdowns must not spin for minutes on a hanging gateway. */
export const DROPDOWN_SETTINGS: RequestSettings = { timeoutSeconds: 15, maxRetries: 1 };

export interface RequestSettings {
	timeoutSeconds?: number;
	maxRetries?: number;
}

/**
 * Timeout and retries, shown in every node's "Options" collection and read by the transport. Their ranges
 * are enforced at run time too: a timeout of 0 would wait forever (and above ~24 days Node's timer
 * overflows and fires at once), and a huge retry count against an always-failing server would never end.
 */
export const requestOptions: INodeProperties[] = [
	{
		displayName: 'Max Retries',
		name: 'maxRetries',
		type: 'number',
		default: DEFAULT_MAX_RETRIES,
		typeOptions: { minValue: 0, maxValue: 10 },
		description:
			'How often to retry a request that failed with 408, 429, 5xx or a connection reset, waiting longer each time (and as long as Cohere asks)',
	},
	{
		displayName: 'Timeout (Seconds)',
		name: 'timeout',
		type: 'number',
		default: DEFAULT_TIMEOUT_SECONDS,
		typeOptions: { minValue: 1, maxValue: 86400 },
		description: 'How long to wait for Cohere to answer one request (1 second to 24 hours)',
	},
];

/** Reads (and checks) the timeout and retry options that every node keeps in its "Options" collection. */
export function getRequestSettings(
	this: IExecuteFunctions | ISupplyDataFunctions,
	itemIndex: number,
): RequestSettings {
	const options = checkNumberFields.call(
		this,
		requestOptions,
		(this.getNodeParameter('options', itemIndex, {}) as IDataObject) ?? {},
		itemIndex,
	);
	return {
		timeoutSeconds: (options.timeout as number | undefined) ?? DEFAULT_TIMEOUT_SECONDS,
		maxRetries: (options.maxRetries as number | undefined) ?? DEFAULT_MAX_RETRIES,
	};
}

/**
 * The timeout and retries of a request: the ones it brings (the dropdowns' short ones, a sub-node's read
 * when it was set up), else the node's own *Options* for the request's item (item 0 for a request that
 * serves many items), so that operations need not read them.
 */
export function requestSettings(this: CohereContext, request: CohereRequest): RequestSettings {
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
