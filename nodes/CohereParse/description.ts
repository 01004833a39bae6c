import type { INodeProperties } from 'n8n-workflow';

import { modelLocator } from '../shared/descriptions';

import { optionsDescription } from './actions/options.description';
import { documentProperties } from './actions/parse.operation';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	modelLocator('searchParseModels', 'parse-v5.0', {
		description: 'The Cohere Parse model. Deprecated models are marked in the list.',
	}),
	...documentProperties,
	optionsDescription,
];
