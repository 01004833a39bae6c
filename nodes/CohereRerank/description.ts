import type { INodeProperties } from 'n8n-workflow';
import { modelLocator } from '../shared/descriptions';
import * as field from './actions/field.operation';
import * as items from './actions/items.operation';
import { optionsDescription, topNProperty } from './actions/options.description';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
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
];
