import type { INodeProperties } from 'n8n-workflow';

import { apiProperty } from '../shared/descriptions';
import * as cohere from './actions/embed.operation';
import * as openai from './actions/openAiCompatible.operation';
import { optionsDescription } from './actions/options.description';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	apiProperty(
		[{ name: 'Cohere Embed (V2)', value: 'cohere', description: 'POST /v2/embed' }],
		'/embeddings',
		'cohere',
	),
	...cohere.description,
	...openai.description,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'Input Item With the Embedding',
				value: 'merge',
				description: "The item's fields plus the embedding",
			},
			{
				name: 'Only the Embedding',
				value: 'embeddingOnly',
				description: 'One item per input with only the embedding',
			},
			{
				name: 'Raw API Response',
				value: 'raw',
				description: 'One item per request, the response unchanged',
			},
		],
		default: 'merge',
	},
	{
		displayName: 'Embedding Field Name',
		name: 'fieldName',
		type: 'string',
		default: 'embedding',
		displayOptions: { hide: { output: ['raw'] } },
	},
	optionsDescription,
];
