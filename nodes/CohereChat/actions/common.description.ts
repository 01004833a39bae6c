import type { INodeProperties } from 'n8n-workflow';

import {
	jsonSchemaProperty,
	promptProperty,
	responseFormatProperty,
	systemMessageProperty,
} from '../../shared/descriptions';

/**
 * Parameters shared by the v2 and OpenAI-compatible forms, in the groups the panel shows them: what to say,
 * the images, the tools, the shape of the answer. The node class places each group (see its properties).
 */
const conversationApis = { api: ['v2', 'openai'] };

export const promptProperties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'inputMode',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Prompt',
				value: 'prompt',
				description: 'A user message, with an optional system message',
			},
			{ name: 'Messages', value: 'messages', description: 'A multi-turn conversation typed here' },
			{
				name: 'Messages From Expression',
				value: 'json',
				description: 'A messages array, e.g. a conversation stored by an earlier node',
			},
		],
		default: 'prompt',
		displayOptions: { show: conversationApis },
	},
	{
		...promptProperty,
		placeholder: 'e.g. Summarize this support ticket: {{ $json.body }}',
		displayOptions: { show: { ...conversationApis, inputMode: ['prompt'] } },
	},
	{
		...systemMessageProperty,
		displayOptions: { show: { ...conversationApis, inputMode: ['prompt'] } },
	},
	{
		displayName: 'Messages',
		name: 'messages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Message',
		default: { values: [{ role: 'user', content: '' }] },
		displayOptions: { show: { ...conversationApis, inputMode: ['messages'] } },
		options: [
			{
				displayName: 'Message',
				name: 'values',
				values: [
					{
						displayName: 'Role',
						name: 'role',
						type: 'options',
						options: [
							{ name: 'System', value: 'system' },
							{ name: 'User', value: 'user' },
							{ name: 'Assistant', value: 'assistant' },
							{ name: 'Tool', value: 'tool' },
						],
						default: 'user',
					},
					{
						displayName: 'Content',
						name: 'content',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
					},
					{
						displayName: 'Tool Call ID',
						name: 'toolCallId',
						type: 'string',
						default: '',
						description: 'For a tool message: the ID of the tool call this result answers',
					},
				],
			},
		],
	},
	{
		displayName: 'Messages (JSON)',
		name: 'messagesJson',
		type: 'json',
		default: '[{"role": "user", "content": "Hello"}]',
		description:
			'An array of {role, content} messages (roles: system, user, assistant, tool), usually from an expression',
		displayOptions: { show: { ...conversationApis, inputMode: ['json'] } },
	},
];

export const imagesProperty: INodeProperties = {
	displayName: 'Image Binary Properties',
	name: 'images',
	type: 'string',
	default: '',
	placeholder: 'e.g. data, photo',
	description:
		'Binary properties of the input item to send as images (PNG, JPEG, WebP, GIF), comma-separated. Needs a vision model.',
	displayOptions: { show: conversationApis },
};

export const responseFormatProperties: INodeProperties[] = [
	{ ...responseFormatProperty, displayOptions: { show: conversationApis } },
	{
		...jsonSchemaProperty,
		displayOptions: { show: { ...conversationApis, responseFormat: ['json_schema'] } },
	},
];

export const toolsProperties: INodeProperties[] = [
	{
		displayName: 'Tools',
		name: 'tools',
		type: 'json',
		// '[]', not '': the editor marks an empty JSON field as invalid on every fresh node.
		default: '[]',
		placeholder:
			'[{"type": "function", "function": {"name": "get_weather", "description": "...", "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}}]',
		description:
			'Function tools the model may call, as JSON. Tool calls come out with their ID and parsed arguments; answer with a tool message.',
		displayOptions: { show: conversationApis },
	},
	{
		displayName: 'Tool Choice',
		name: 'toolChoice',
		type: 'options',
		options: [
			{ name: 'Model Decides', value: 'auto' },
			{ name: 'Must Call a Tool', value: 'required' },
			{ name: 'No Tool Calls', value: 'none' },
		],
		default: 'auto',
		displayOptions: { show: conversationApis },
	},
];
