import type { INodeProperties } from 'n8n-workflow';

import {
	concurrencyOption,
	truncateOption,
	requestOptions,
	optionsCollection,
} from '../../shared/descriptions';

/** The node's "Options" collection; its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection([
	{
		...concurrencyOption,
		description:
			'How many requests are sent at the same time (texts go 96 per request for the embeddings and endpoint methods)',
	},
	{
		...truncateOption,
		displayOptions: { show: { '/method': ['embeddings', 'endpoint'] } },
	},
	...requestOptions,
]);
