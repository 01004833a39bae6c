/** Fields several nodes show the same way: embedding types and input type, API forms, Return All, response format. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { EMBED_INPUT_TYPES } from '../limits';

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

/** Model name and path of an OpenAI-compatible endpoint (Cohere's compatibility API or a gateway); the caller adds its display rules. */
export function compatibleEndpointProperties(
	defaultModel: string,
	endpoint: string,
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
		},
		{
			displayName: 'API Path',
			name: 'compatiblePath',
			type: 'string',
			default: '/compatibility/v1',
			description: `Path below the credential's Base URL where ${endpoint} lives: /compatibility/v1 for Cohere, e.g. /api/v1 for a gateway`,
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

/** The user message of a chat request (Chat, Batch); each node adds its placeholder and display rules. */
export const promptProperty: INodeProperties = {
	displayName: 'Prompt',
	name: 'prompt',
	type: 'string',
	typeOptions: { rows: 4 },
	default: '',
	required: true,
};

/** The system message of a chat request (Chat, Batch). */
export const systemMessageProperty: INodeProperties = {
	displayName: 'System Message',
	name: 'systemMessage',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	description: 'Instructions that set how the model behaves',
};
