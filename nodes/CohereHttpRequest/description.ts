import type { INodeProperties } from 'n8n-workflow';

import { optionsDescription } from './actions/options.description';

/** A list of name and value pairs (query parameters, headers, body fields). */
const nameValueCollection = (
	displayName: string,
	name: string,
	placeholder: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder,
	default: {},
	options: [
		{
			displayName: 'Parameter',
			name: 'parameters',
			values: [
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
});

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Method',
		name: 'method',
		type: 'options',
		options: [
			{ name: 'DELETE', value: 'DELETE' },
			{ name: 'GET', value: 'GET' },
			{ name: 'PATCH', value: 'PATCH' },
			{ name: 'POST', value: 'POST' },
			{ name: 'PUT', value: 'PUT' },
		],
		default: 'POST',
		description: 'The HTTP method to use',
	},
	{
		displayName: 'Path or URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/v1/check-api-key',
		description:
			'A path below the Base URL of the credential (e.g. /v2/chat), or a full URL on the same host. The API key is never sent to another host.',
	},
	{
		displayName: 'Send Query Parameters',
		name: 'sendQuery',
		type: 'boolean',
		default: false,
		description: 'Whether the request has query parameters',
	},
	{
		...nameValueCollection('Query Parameters', 'queryParameters', 'Add Query Parameter'),
		displayOptions: { show: { sendQuery: [true] } },
	},
	{
		displayName: 'Send Headers',
		name: 'sendHeaders',
		type: 'boolean',
		default: false,
		description:
			'Whether the request has extra headers. An Authorization header is ignored: the credential always applies.',
	},
	{
		...nameValueCollection('Headers', 'headerParameters', 'Add Header'),
		displayOptions: { show: { sendHeaders: [true] } },
	},
	{
		displayName: 'Send Body',
		name: 'sendBody',
		type: 'boolean',
		default: true,
		description: 'Whether the request has a JSON body',
		displayOptions: { hide: { method: ['GET', 'DELETE'] } },
	},
	{
		displayName: 'Specify Body',
		name: 'specifyBody',
		type: 'options',
		options: [
			{ name: 'Using JSON', value: 'json' },
			{ name: 'Using Fields Below', value: 'keypair' },
		],
		default: 'json',
		displayOptions: { show: { sendBody: [true] }, hide: { method: ['GET', 'DELETE'] } },
	},
	{
		displayName: 'JSON Body',
		name: 'jsonBody',
		type: 'json',
		default: '{}',
		displayOptions: {
			show: { sendBody: [true], specifyBody: ['json'] },
			hide: { method: ['GET', 'DELETE'] },
		},
	},
	{
		...nameValueCollection('Body Fields', 'bodyParameters', 'Add Body Field'),
		displayOptions: {
			show: { sendBody: [true], specifyBody: ['keypair'] },
			hide: { method: ['GET', 'DELETE'] },
		},
	},
	optionsDescription,
];
