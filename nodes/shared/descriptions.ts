import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { listSearch } from './methods/listSearch';

import { EMBED_INPUT_TYPES } from './limits';
import { AUTO_MAX_CONCURRENCY } from './transport/limiter';

/** The model dropdowns: the keys of the shared `listSearch` methods. */
export type ModelSearchMethod = keyof typeof listSearch;

/**
 * An ID field as a resource locator: pick from a searchable list of what the account has, or type the ID.
 * A value saved as a plain string (before the field was a locator) is still read as the ID.
 */
export function idLocator(field: {
	displayName: string;
	name: string;
	searchListMethod: string;
	placeholder: string;
	defaultValue?: string;
	description?: string;
}): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: field.defaultValue ?? '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: field.placeholder,
			},
		],
		...(field.description ? { description: field.description } : {}),
	};
}

/** A model field: pick from the account's models, or type any ID (fine-tuned or just released). */
export function modelLocator(
	searchListMethod: ModelSearchMethod,
	defaultModel: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		...idLocator({
			displayName: 'Model',
			name: 'model',
			searchListMethod,
			placeholder: 'e.g. command-a-03-2025',
			defaultValue: defaultModel,
			description: 'The Cohere model to use. Deprecated models are marked in the list.',
		}),
		...extra,
	};
}

export { requestOptions } from './transport/settings';

/** Fields of a collection in alphabetical order of their labels, as the editor's "Add Option" list reads best. */
export function alphabetical(fields: INodeProperties[]): INodeProperties[] {
	return [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * A node's "Options" collection: the one place each node keeps its optional settings, listed alphabetically
 * whichever shared options (batching, timeout, retries) a node adds to its own.
 */
export function optionsCollection(
	options: INodeProperties[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		...extra,
		options: alphabetical(options),
	};
}

/**
 * How many requests a node has in flight: 0 is Auto (the run's limiter adapts, see transport/limiter.ts), a
 * number pins it. The per-item runner keeps output order and pairing whatever the value. A number field,
 * not a list, so that the numbers saved in existing workflows stay valid.
 */
export const concurrencyOption: INodeProperties = {
	displayName: 'Concurrent Requests',
	name: 'concurrency',
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, maxValue: 64 },
	hint: '0 is Auto: fast on production keys, and it slows down by itself on a rate limit',
	description: `How many requests are sent to Cohere at the same time. 0 (Auto) starts with up to ${AUTO_MAX_CONCURRENCY}, halves at once when Cohere answers 429 (every request then waits as long as Cohere asks, without using up Max Retries), and grows back while answers come back fine. A number pins it; 1 sends one request at a time, in item order.`,
};

/** "Concurrent Requests" and "Delay Between Batches" for a node's "Options" collection. */
export function batchingOptions(): INodeProperties[] {
	return [
		concurrencyOption,
		{
			displayName: 'Delay Between Batches (Milliseconds)',
			name: 'batchDelay',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 3_600_000 },
			description: `Send items in batches of "Concurrent Requests" (${AUTO_MAX_CONCURRENCY} with Auto) with this pause between batches, for a steady pace under per-minute limits. 0 sends the next item as soon as a request ends.`,
		},
	];
}

/** Cohere's request priority, for the "Options" collections of the endpoints that take it. */
export const priorityOption: INodeProperties = {
	displayName: 'Priority',
	name: 'priority',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 999 },
	default: 0,
	description: 'Lower numbers are handled first when Cohere is under load (0 is the highest)',
};

/** The embedding types of /v2/embed and of embed jobs. */
export const embeddingTypesProperty: INodeProperties = {
	displayName: 'Embedding Types',
	name: 'embeddingTypes',
	type: 'multiOptions',
	options: [
		{ name: 'Base64', value: 'base64' },
		{ name: 'Binary', value: 'binary' },
		{ name: 'Float', value: 'float' },
		{ name: 'Int8', value: 'int8' },
		{ name: 'Uint8', value: 'uint8' },
		{ name: 'Unsigned Binary', value: 'ubinary' },
	],
	default: ['float'],
	description:
		'The kinds of embeddings to get back. With one type the field holds the vector; with several, an object by type.',
};

/** What each item's embedding is for; Cohere embeds differently for each (Embed, Embed Jobs, the compatibility API). */
export const inputTypeProperty: INodeProperties = {
	displayName: 'Input Type',
	name: 'inputType',
	type: 'options',
	options: EMBED_INPUT_TYPES,
	default: 'search_document',
	description: 'What the embeddings are for. Images are always sent as "image".',
};

/** Model name and path of an OpenAI-compatible endpoint (Cohere's compatibility API or a gateway). */
export function compatibleEndpointProperties(
	defaultModel: string,
	endpoint: string,
	show: Record<string, string[]>,
): INodeProperties[] {
	return [
		{
			displayName: 'Model',
			name: 'compatibleModel',
			type: 'string',
			default: defaultModel,
			required: true,
			description:
				'The model name as the endpoint knows it (a Cohere model, or a gateway model name)',
			displayOptions: { show },
		},
		{
			displayName: 'API Path',
			name: 'compatiblePath',
			type: 'string',
			default: '/compatibility/v1',
			description: `Path below the credential's Base URL where ${endpoint} lives: /compatibility/v1 for Cohere, e.g. /api/v1 for a gateway`,
			displayOptions: { show },
		},
	];
}

/**
 * The "API" field of a node that speaks several API forms (the parameter its router selects by): Cohere's
 * own forms first, then the OpenAI-compatible one at `{path}{endpoint}`.
 */
export function apiProperty(
	forms: INodePropertyOptions[],
	compatibleEndpoint: string,
	defaultForm: string,
): INodeProperties {
	return {
		displayName: 'API',
		name: 'api',
		type: 'options',
		noDataExpression: true,
		options: [
			...forms,
			{
				name: 'OpenAI-Compatible',
				value: 'openai',
				description: `POST {path}${compatibleEndpoint}: Cohere's compatibility API or a gateway`,
			},
		],
		default: defaultForm,
	};
}

/** How Cohere handles inputs longer than the model's limit (embed, classify). */
export const truncateOption: INodeProperties = {
	displayName: 'Truncate',
	name: 'truncate',
	type: 'options',
	options: [
		{ name: 'End', value: 'END' },
		{ name: 'None (Error When Too Long)', value: 'NONE' },
		{ name: 'Start', value: 'START' },
	],
	default: 'END',
};

/** "Return All" and its "Limit" (shown when it is off), as n8n's list operations have them. */
export const limitProperty: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};
export const returnAllProperties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	limitProperty,
];

/** The shape of a chat answer (Chat, Batch): text, a JSON object, or a JSON object following a schema. */
export const responseFormatProperty: INodeProperties = {
	displayName: 'Response Format',
	name: 'responseFormat',
	type: 'options',
	options: [
		{ name: 'Text', value: 'text' },
		{
			name: 'JSON Object',
			value: 'json_object',
			description: 'The answer is a JSON object, parsed into the output',
		},
		{
			name: 'JSON Object With Schema',
			value: 'json_schema',
			description: 'The answer follows your JSON Schema',
		},
	],
	default: 'text',
};
export const jsonSchemaProperty: INodeProperties = {
	displayName: 'JSON Schema',
	name: 'jsonSchema',
	type: 'json',
	default:
		'{\n  "type": "object",\n  "properties": {\n    "answer": { "type": "string" }\n  },\n  "required": ["answer"]\n}',
	displayOptions: { show: { responseFormat: ['json_schema'] } },
};
