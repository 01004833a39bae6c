import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { modelLocator } from '../shared/descriptions';
import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/helpers/processItems';
import * as field from './actions/field.operation';
import * as items from './actions/items.operation';
import { router } from './actions/router';
import { optionsDescription, topNProperty } from './actions/options.description';

export class CohereRerank implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Rerank',
		name: 'cohereRerank',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["query"] ? "Rerank: " + $parameter["query"] : "Rerank" }}',
		description:
			'A workflow step that orders items (or documents) by relevance to a query. For vector store nodes, use the Cohere Reranker sub-node.',
		defaults: { name: 'Cohere Rerank' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties: [
			modelLocator('searchRerankModels', 'rerank-v3.5'),
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. {{ $json.question }}',
				description: 'What the documents are ranked against',
			},
			{
				displayName: 'Documents From',
				name: 'source',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Input Items',
						value: 'items',
						description: 'One document per item; the items come out reordered',
					},
					{
						name: 'An Array Field of Each Item',
						value: 'field',
						description: 'Each item holds a list of documents, ranked separately',
					},
				],
				default: 'items',
			},
			...items.description,
			...field.description,
			topNProperty,
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'Ranked Documents',
						value: 'items',
						description: 'Each document with relevance_score and original_index, best first',
					},
					{
						name: 'Raw Results',
						value: 'raw',
						description: 'One item with the results and the API responses',
					},
				],
				default: 'items',
			},
			optionsDescription,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
