import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, batchingOptions, optionsCollection } from '../../shared/descriptions';

/** The node's "Options" collection; its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection([
	{
		displayName: 'Max Part Size (Characters)',
		name: 'maxPartCharacters',
		type: 'number',
		typeOptions: { minValue: 1000 },
		default: 60000,
		description:
			'Chat method: longer texts are summarized in parts of this size, then the part summaries summarized',
		displayOptions: { show: { '/method': ['chat'] } },
	},
	{
		displayName: 'Temperature',
		name: 'temperature',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 5, numberPrecision: 2 },
		default: 0.3,
	},
	...batchingOptions(),
	...requestOptions,
]);
