import type { INodeProperties } from 'n8n-workflow';
import { optionsDescription, topNProperty } from '../CohereRerank/actions/options.description';
import { modelLocator } from '../shared/descriptions';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	modelLocator('searchRerankModels', 'rerank-v4.0-pro', {
		description: 'The Cohere rerank model',
	}),
	{ ...topNProperty, default: 3 },
	optionsDescription,
];
