import type { INodeProperties } from 'n8n-workflow';
import { modelLocator, optionsCollection } from '../shared/descriptions';
import { rankingOptions, topNProperty } from '../shared/descriptions/options';

/** The Cohere Rerank node's options (one definition for both, in nodes/shared/options.ts). */
export const optionsDescription = optionsCollection(rankingOptions);

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	modelLocator('searchRerankModels', 'rerank-v4.0-pro', {
		description: 'The Cohere rerank model',
	}),
	{ ...topNProperty, default: 3 },
	optionsDescription,
];
