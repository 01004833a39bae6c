import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import * as cohere from './actions/embed.operation';
import * as openai from './actions/openAiCompatible.operation';
import { runNode } from '../shared/helpers/processItems';
import { router } from './actions/router';
import { optionsDescription } from './actions/options.description';

export class CohereEmbed implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Embed',
		name: 'cohereEmbed',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["api"] === "openai" ? "OpenAI-Compatible Embeddings" : $parameter["input"] === "image" ? "Image" : { search_document: "Search Document", search_query: "Search Query", classification: "Classification", clustering: "Clustering", image: "Image" }[$parameter["inputType"]] }}',
		description:
			'A workflow step that embeds the text or image of each item, 96 per request. For vector store nodes, use the Cohere Embeddings sub-node.',
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
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
