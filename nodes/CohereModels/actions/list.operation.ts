import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperties } from '../../shared/descriptions';
import { fetchModelPages } from '../../shared/cohere/models';
import { requestOptions } from '../../shared/transport';
import { getNumberParameter, getOptions } from '../../shared/parameters/numbers';

const properties: INodeProperties[] = [
	...returnAllProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Default Only',
				name: 'defaultOnly',
				type: 'boolean',
				default: false,
				description: 'Whether to return only the default model of the endpoint (needs Endpoint)',
			},
			{
				displayName: 'Endpoint',
				name: 'endpoint',
				type: 'options',
				default: 'chat',
				description: 'Only models that work with this endpoint',
				options: [
					{ name: 'Chat', value: 'chat' },
					{ name: 'Classify', value: 'classify' },
					{ name: 'Embed', value: 'embed' },
					{ name: 'Generate (Legacy)', value: 'generate' },
					{ name: 'Rerank', value: 'rerank' },
					{ name: 'Summarize (Legacy)', value: 'summarize' },
				],
			},
		],
	},
];

/** List-only entries of the node's "Options" collection. */
export const listOptions: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'models',
		displayOptions: { show: { '/operation': ['list'] } },
		options: [
			{ name: 'One Item per Model', value: 'models' },
			{
				name: 'One Item per Page (Raw API Response)',
				value: 'pages',
				description: 'Each response body unchanged, with its next_page_token',
			},
		],
	},
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 1000 },
		default: 1000,
		displayOptions: { show: { '/operation': ['list'] } },
		description:
			'How many models to ask for per request (1 to 1,000). Without Return All, at most Limit.',
	},
	{
		displayName: 'Start at Page',
		name: 'startPage',
		type: 'string',
		default: '',
		displayOptions: { show: { '/operation': ['list'] } },
		description: 'Start from this page: the next_page_token of an earlier response',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['list'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? Infinity : getNumberParameter.call(this, limitProperty, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = getOptions.call(this, itemIndex, [...listOptions, ...requestOptions]);

	const pages = await fetchModelPages.call(this, {
		endpoint: filters.endpoint as string | undefined,
		defaultOnly: filters.defaultOnly === true,
		pageSize: options.pageSize as number | undefined,
		pageToken: options.startPage as string | undefined,
		limit,
		itemIndex,
	});

	if (options.output === 'pages') return pages.map((page) => ({ json: page }));
	return pages
		.flatMap((page) => page.models ?? [])
		.slice(0, limit)
		.map((model) => ({ json: model }));
}
