import type { INodeProperties } from 'n8n-workflow';

import { batchingOptions, optionsCollection, requestOptions } from '../../shared/descriptions';

/** The node's "Options" collection; its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection([
	{
		displayName: 'Return Error Responses as Items',
		name: 'neverError',
		type: 'boolean',
		default: false,
		description:
			'Whether a 4xx or 5xx answer (after retries) comes out as an item with its status instead of failing the node',
	},
	...batchingOptions(),
	...requestOptions,
]);
