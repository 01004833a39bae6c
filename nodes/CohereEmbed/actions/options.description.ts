import type { INodeProperties } from 'n8n-workflow';

import {
	concurrencyOption,
	priorityOption,
	truncateOption,
	requestOptions,
	optionsCollection,
} from '../../shared/descriptions';
import { embedOptions } from '../../shared/descriptions/options';

/** The node's "Options" collection; its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection([
	{
		displayName: 'Batch Size',
		name: 'batchSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 96 },
		default: 96,
		description: 'Texts per request (Cohere takes at most 96)',
	},
	{
		...concurrencyOption,
		description: 'How many requests of up to 96 texts are sent at the same time',
	},
	{
		displayName: 'Encoding Format',
		name: 'encodingFormat',
		type: 'options',
		options: [
			{ name: 'Float', value: 'float' },
			{ name: 'Base64', value: 'base64' },
		],
		default: 'float',
		displayOptions: { show: { '/api': ['openai'] } },
	},
	{ ...embedOptions.maxTokens, displayOptions: { show: { '/api': ['cohere'] } } },
	embedOptions.outputDimension,
	{ ...priorityOption, displayOptions: { show: { '/api': ['cohere'] } } },
	{
		displayName: 'Skip Empty Texts',
		name: 'skipEmpty',
		type: 'boolean',
		default: false,
		description:
			'Whether items with an empty text pass through with an empty embedding instead of failing',
	},
	{ ...truncateOption, displayOptions: { show: { '/api': ['cohere'] } } },
	...requestOptions,
]);
