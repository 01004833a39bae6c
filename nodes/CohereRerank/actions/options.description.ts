import type { INodeProperties } from 'n8n-workflow';

import {
	concurrencyOption,
	priorityOption,
	requestOptions,
	optionsCollection,
} from '../../shared/descriptions';

/** The node's "Options" collection; its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection([
	{
		...concurrencyOption,
		description: 'With more than 1,000 documents: how many requests of 1,000 run at the same time',
	},
	{
		displayName: 'Max Tokens Per Document',
		name: 'maxTokensPerDoc',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 4096,
		description: 'Longer documents are truncated to this many tokens',
	},
	{
		displayName: 'Minimum Relevance Score',
		name: 'minRelevanceScore',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 4 },
		default: 0,
		description:
			"Documents that score below this are left out, before Top N (Cohere's scores run from 0 to 1; 0 keeps every document)",
	},
	priorityOption,
	...requestOptions,
]);

export const topNProperty: INodeProperties = {
	displayName: 'Top N',
	name: 'topN',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: 'How many of the best documents to keep',
	// Shown under the field, not only in the tooltip: 0 is the default and means "all".
	hint: '0 keeps every document, best first',
};
