import type { INodeProperties } from 'n8n-workflow';
import {
	concurrencyOption,
	modelLocator,
	optionsCollection,
	priorityOption,
	requestOptions,
	truncateOption,
} from '../shared/descriptions';
import { TEXT_INPUT_TYPES } from '../shared/limits';
import { embedOptions } from '../shared/descriptions/options';

export const inputTypeOption = (
	displayName: string,
	name: string,
	defaultValue: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: TEXT_INPUT_TYPES,
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
	{
		...concurrencyOption,
		description: 'How many requests of up to 96 texts are sent at the same time',
	},
	embedOptions.maxTokens,
	embedOptions.outputDimension,
	priorityOption,
	truncateOption,
	...requestOptions,
]);

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	modelLocator('searchEmbedModels', 'embed-v4.0', {
		description: 'The Cohere embedding model. Insert and search with the same model.',
	}),
	optionsDescription,
];
