import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	priorityOption,
	requestOptions,
	concurrencyOption,
	truncateOption,
} from '../shared/descriptions';
import { listSearch } from '../shared/methods/listSearch';
import * as cohere from './actions/embed.operation';
import * as openai from './actions/openAiCompatible.operation';
import { router } from './actions/router';

export class CohereEmbed implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Embed',
		name: 'cohereEmbed',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["api"] === "openai" ? "OpenAI-compatible embeddings" : "Embed " + $parameter["inputType"] }}',
		description:
			'Embed texts and images with Cohere, 96 per request, for search, RAG, classification and clustering',
		defaults: { name: 'Cohere Embed' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties: [
			{
				displayName: 'API',
				name: 'api',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Cohere Embed (V2)', value: 'cohere', description: 'POST /v2/embed' },
					{
						name: 'OpenAI-Compatible',
						value: 'openai',
						description: "POST {path}/embeddings: Cohere's compatibility API or a gateway",
					},
				],
				default: 'cohere',
			},
			...cohere.description,
			...openai.description,
			{
				displayName: 'Input Type',
				name: 'inputType',
				type: 'options',
				options: [
					{ name: 'Classification', value: 'classification' },
					{ name: 'Clustering', value: 'clustering' },
					{ name: 'Image', value: 'image' },
					{
						name: 'Search Document',
						value: 'search_document',
						description: 'Texts stored in a vector database',
					},
					{
						name: 'Search Query',
						value: 'search_query',
						description: 'Queries searched against stored documents',
					},
				],
				default: 'search_document',
				description: 'What the embeddings are for. Images are always sent as "image".',
			},
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 2 },
				default: '={{ $json.text }}',
				description: 'The text of each item to embed',
				displayOptions: { hide: { input: ['image'] } },
			},
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
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Batch Size',
						name: 'batchSize',
						type: 'number',
						typeOptions: { minValue: 1, maxValue: 96 },
						default: 96,
						description: 'Texts per request (Cohere takes at most 96)',
					},
					{
						...concurrencyOption(4),
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
							{ name: '1024', value: '1024' },
							{ name: '1536', value: '1536' },
						],
						default: '1536',
						description:
							'Size of the embeddings, for models that support it (embed-v4.0 and newer)',
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
				],
			},
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
