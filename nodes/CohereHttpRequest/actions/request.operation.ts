import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, jsonParse } from 'n8n-workflow';

import { batchingOptions, requestOptions, optionsCollection } from '../../shared/descriptions';
import { cohereRequest, getBaseUrl, keyMayGoTo } from '../../shared/transport';
import { getOptions } from '../../shared/helpers/numbers';
import { asText } from '../../shared/helpers/parameters';

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

const optionsProperty: INodeProperties = optionsCollection([
	{
		displayName: 'Return Error Responses as Items',
		name: 'neverError',
		type: 'boolean',
		default: false,
		description:
			'Whether a 4xx or 5xx answer (after retries) comes out as an item with its status instead of failing the node',
	},
	...batchingOptions(),
	...requestOptions,
]);

export const description: INodeProperties[] = [
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
	optionsProperty,
];

/** A path goes below the Base URL; a full URL must be on the Base URL's origin, the only place the key goes (keyMayGoTo). */
export function resolveTarget(
	this: IExecuteFunctions,
	input: unknown,
	baseUrl: string,
	itemIndex: number,
): string {
	if (typeof input !== 'string') {
		// An expression mapped to a missing field, a number or an object.
		const got = input === undefined || input === null ? 'empty' : `a ${typeof input}, not a text`;
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Path or URL" is ${got} in item ${itemIndex}`,
			{
				itemIndex,
				description:
					'Give a path below the Base URL such as /v1/check-api-key, or a full URL on the Base URL host. When it comes from an expression, check the field exists in this item.',
			},
		);
	}
	const value = input.trim();
	if (!value)
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Path or URL" is empty in item ${itemIndex}`,
			{ itemIndex },
		);
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value.startsWith('/') ? value : `/${value}`;

	let target: URL;
	try {
		target = new URL(value);
	} catch {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Path or URL" is not a valid URL: ${value}`,
			{ itemIndex },
		);
	}
	const base = new URL(baseUrl);
	if (!keyMayGoTo(base.origin, target)) {
		throw new NodeOperationError(
			this.getNode(),
			`Refused to send the Cohere API key to ${target.origin}: a full URL must be on the credential's Base URL (${base.origin})`,
			{
				itemIndex,
				description:
					'Use a path such as /v1/classify, or change the Base URL in the credential if you use a gateway.',
			},
		);
	}
	return `${target.origin}${target.pathname}${target.search}`;
}

function collectPairs(
	this: IExecuteFunctions,
	parameterName: string,
	itemIndex: number,
): IDataObject {
	const collection = this.getNodeParameter(parameterName, itemIndex, {}) as {
		parameters?: Array<{ name: string; value: unknown }>;
	};
	const result: IDataObject = {};
	for (const { name, value } of collection.parameters ?? []) {
		if (name) result[name] = value as IDataObject[keyof IDataObject];
	}
	return result;
}

function parseJsonBody(this: IExecuteFunctions, itemIndex: number): IDataObject | IDataObject[] {
	const raw = this.getNodeParameter('jsonBody', itemIndex, '{}') as unknown;
	if (typeof raw === 'object' && raw !== null) return raw as IDataObject;
	const text = String(raw ?? '').trim();
	if (!text) return {};
	try {
		return jsonParse<IDataObject | IDataObject[]>(text);
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "JSON Body" is not valid JSON: ${(error as Error).message}`,
			{
				itemIndex,
			},
		);
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const options = getOptions.call(this, itemIndex, optionsProperty);
	const target = resolveTarget.call(
		this,
		this.getNodeParameter('url', itemIndex) as unknown,
		await getBaseUrl.call(this),
		itemIndex,
	);

	const qs = this.getNodeParameter('sendQuery', itemIndex, false)
		? collectPairs.call(this, 'queryParameters', itemIndex)
		: undefined;
	const headers = this.getNodeParameter('sendHeaders', itemIndex, false)
		? collectPairs.call(this, 'headerParameters', itemIndex)
		: {};
	// Header values are text on the wire: objects as JSON, the one rule for text values.
	for (const name of Object.keys(headers)) headers[name] = asText(headers[name]);
	// The credential decides who is calling; a header typed here must not replace it.
	for (const name of Object.keys(headers)) {
		if (name.toLowerCase() === 'authorization') delete headers[name];
	}

	let body: IDataObject | IDataObject[] | undefined;
	if (!['GET', 'DELETE'].includes(method) && this.getNodeParameter('sendBody', itemIndex, true)) {
		body =
			this.getNodeParameter('specifyBody', itemIndex, 'json') === 'json'
				? parseJsonBody.call(this, itemIndex)
				: collectPairs.call(this, 'bodyParameters', itemIndex);
	}

	const response = await cohereRequest.call(this, {
		method,
		path: target,
		qs,
		headers,
		body,
		itemIndex,
		returnErrors: options.neverError === true,
	});
	return [
		{
			json: {
				status: response.status,
				headers: response.headers,
				body: response.body as IDataObject,
			},
		},
	];
}
