import type { INodeProperties } from 'n8n-workflow';

/** The field that picks the operation: how the labels are found. */
export const methodProperty: INodeProperties = {
	displayName: 'Method',
	name: 'method',
	type: 'options',
	noDataExpression: true,
	options: [
		{
			name: 'Embeddings (Recommended)',
			value: 'embeddings',
			description: "Nearest label by the examples' embeddings, with confidences",
		},
		{
			name: 'Chat',
			value: 'chat',
			description: 'A chat model picks one of the labels, few-shot from the examples',
		},
		{
			name: 'Classify Endpoint (Legacy, Fine-Tuned Models)',
			value: 'endpoint',
			description: 'POST /v1/classify, deprecated by Cohere on 2025-09-15',
		},
	],
	default: 'embeddings',
};

/** The texts and the labelled examples, the same for every method. */
export const classifyProperties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'input',
		type: 'string',
		default: '={{ $json.text }}',
		required: true,
		description: 'The text of each item to classify',
	},
	{
		displayName: 'Examples From',
		name: 'examplesSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'List Below', value: 'list' },
			{
				name: 'Expression',
				value: 'json',
				description: 'An array of {"text", "label"} objects',
			},
		],
		default: 'list',
	},
	{
		displayName: 'Examples',
		name: 'examples',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Example',
		default: {},
		description: 'Labelled texts: at least 2 labels, and at least 2 examples per label',
		displayOptions: { show: { examplesSource: ['list'] } },
		options: [
			{
				displayName: 'Example',
				name: 'values',
				values: [
					{ displayName: 'Text', name: 'text', type: 'string', default: '' },
					{ displayName: 'Label', name: 'label', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Examples (JSON)',
		name: 'examplesJson',
		type: 'json',
		default:
			'[{"text": "I love it", "label": "positive"}, {"text": "Great service", "label": "positive"}, {"text": "It broke", "label": "negative"}, {"text": "Too slow", "label": "negative"}]',
		displayOptions: { show: { examplesSource: ['json'] } },
	},
	{
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return one classification per item (off, with the endpoint method: the API response of each request)',
	},
];
