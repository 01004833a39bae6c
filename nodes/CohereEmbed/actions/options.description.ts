import type { INodeProperties } from 'n8n-workflow';

import {
	concurrencyOption,
	priorityOption,
	truncateOption,
	requestOptions,
	optionsCollection,
} from '../../shared/descriptions';

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
	{
		displayName: 'Max Tokens',
		name: 'maxTokens',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 512,
		description: 'Tokens embedded per input; longer inputs are truncated as Truncate says',
		displayOptions: { show: { '/api': ['cohere'] } },
	},
	{
		displayName: 'Output Dimension',
		name: 'outputDimension',
		type: 'options',
		options: [
			{ name: '256', value: '256' },
			{ name: '512', value: '512' },
			{ name: '768', value: '768' },
			{ name: '1024', value: '1024' },
			{ name: '1536', value: '1536' },
			{ name: '2048', value: '2048' },
		],
		default: '1536',
		description:
			'Size of the embeddings, for models that take it: embed-v4.0 takes 256, 512, 1024 or 1536; Embed 5 (embed-v5.0-pro, embed-v5.0-fast) every size listed',
	},
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
