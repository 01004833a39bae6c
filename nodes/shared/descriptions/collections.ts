/** A node's "Options" collection and the settings every node can add to it (batching, priority, request). */
import type { INodeProperties } from 'n8n-workflow';

import { AUTO_MAX_CONCURRENCY } from '../transport/limiter';

export { requestOptions } from '../transport/settings';

/** Fields of a collection in alphabetical order of their labels, as the editor's "Add Option" list reads best. */
export function alphabetical(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * A node's "Options" collection: the one place each node keeps its optional settings, listed alphabetically
 * whichever shared options (batching, timeout, retries) a node adds to its own.
 */
export function optionsCollection(
	options: INodeProperties[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		...extra,
		options: alphabetical(options),
	};
}

/**
 * How many requests a node has in flight: 0 is Auto (the run's limiter adapts, see transport/limiter.ts), a
 * number pins it. The per-item runner keeps output order and pairing whatever the value. A number field,
 * not a list, so that the numbers saved in existing workflows stay valid.
 */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrent Requests',
	name: 'concurrency',
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, maxValue: 64 },
	hint: '0 is Auto: fast on production keys, and it slows down by itself on a rate limit',
	description: `How many requests are sent to Cohere at the same time. 0 (Auto) starts with up to ${AUTO_MAX_CONCURRENCY}, halves at once when Cohere answers 429 and grows back while answers come back fine. A number pins it; 1 sends one request at a time, in item order. Either way, requests keep the key's rate limit as learned from Cohere's answers (shared by every execution on the key), and a 429 does not use up Max Retries while answers get through within the Timeout.`,
};

/** "Concurrent Requests" and "Delay Between Batches" for a node's "Options" collection. */
export function batchingOptions(): INodeProperties[] {
	return [
		concurrencyOption,
		{
			displayName: 'Delay Between Batches (Milliseconds)',
			name: 'batchDelay',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 3_600_000 },
			description: `Send items in batches of "Concurrent Requests" (${AUTO_MAX_CONCURRENCY} with Auto) with this pause between batches, for a steady pace under per-minute limits. 0 sends the next item as soon as a request ends.`,
		},
	];
}

/** Cohere's request priority, for the "Options" collections of the endpoints that take it. */
export const priorityOption: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 999 },
	default: 0,
	description: 'Lower numbers are handled first when Cohere is under load (0 is the highest)',
};
