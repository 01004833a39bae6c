import type { INodeProperties } from 'n8n-workflow';
import { optionsDescription as embedOptions } from '../CohereEmbed/actions/options.description';
import {
	modelLocator,
	optionsCollection,
	pickOptions,
	requestOptions,
} from '../shared/descriptions';

export const inputTypes = [
	{ name: 'Classification', value: 'classification' },
	{ name: 'Clustering', value: 'clustering' },
	{
		name: 'Search Document',
		value: 'search_document',
		description: 'Texts stored in a vector store',
	},
	{ name: 'Search Query', value: 'search_query', description: 'Queries searched against them' },
];

export const inputTypeOption = (
	displayName: string,
	name: string,
	defaultValue: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: inputTypes,
	default: defaultValue,
	description,
});

/** Embed's own options (one definition) plus the two input types a vector store needs. */
export const optionsDescription = optionsCollection([
	inputTypeOption(
		'Document Input Type',
		'documentInputType',
		'search_document',
		'Input type of the texts a vector store inserts',
	),
	inputTypeOption(
		'Query Input Type',
		'queryInputType',
		'search_query',
		'Input type of the texts a vector store searches with',
	),
	...pickOptions(embedOptions, [
		'concurrency',
		'maxTokens',
		'outputDimension',
		'priority',
		'truncate',
	]),
	...requestOptions,
]);

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	modelLocator('searchEmbedModels', 'embed-v4.0', {
		description: 'The Cohere embedding model. Insert and search with the same model.',
	}),
	optionsDescription,
];
