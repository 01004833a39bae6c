import type { INodeProperties } from 'n8n-workflow';

/** Which way the node summarizes (the parameter the router selects by). */
export const methodProperty: INodeProperties = {
	displayName: 'Method',
	name: 'method',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Chat (Recommended)',
			value: 'chat',
			description: 'A chat model follows the summary options as instructions',
		},
		{
			name: 'Summarize Endpoint (Legacy)',
			value: 'endpoint',
			description: 'POST /v1/summarize, deprecated by Cohere on 2025-09-15',
		},
	],
	default: 'chat',
};

/** The documented summary fields, the same for both methods. */
export const summaryProperties: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '={{ $json.text }}',
		required: true,
		description: 'The text to summarize (the endpoint needs at least 250 characters)',
	},
	{
		displayName: 'Length',
		name: 'length',
		type: 'options',
		options: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'Long', value: 'long' },
			{ name: 'Medium', value: 'medium' },
			{ name: 'Short', value: 'short' },
		],
		default: 'auto',
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'Bullets', value: 'bullets' },
			{ name: 'Paragraph', value: 'paragraph' },
		],
		default: 'auto',
	},
	{
		displayName: 'Extractiveness',
		name: 'extractiveness',
		type: 'options',
		options: [
			{ name: 'Auto', value: 'auto' },
			{ name: 'High', value: 'high', description: 'Reuse sentences of the text' },
			{ name: 'Low', value: 'low', description: 'Paraphrase' },
			{ name: 'Medium', value: 'medium' },
		],
		default: 'auto',
	},
	{
		displayName: 'Additional Instructions',
		name: 'additionalCommand',
		type: 'string',
		default: '',
		placeholder: 'e.g. focusing on the next steps',
		description: 'Free-form instructions for the summary (additional_command)',
	},
	{
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return {summary, usage} instead of the API response body',
	},
];
