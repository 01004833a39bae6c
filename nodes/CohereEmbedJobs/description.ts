import type { INodeProperties } from 'n8n-workflow';
import * as datasetCreate from './actions/dataset/create.operation';
import * as datasetDelete from './actions/dataset/delete.operation';
import * as datasetGet from './actions/dataset/get.operation';
import * as datasetList from './actions/dataset/list.operation';
import * as jobCancel from './actions/embedJob/cancel.operation';
import * as jobCreate from './actions/embedJob/create.operation';
import * as jobGet from './actions/embedJob/get.operation';
import { optionsDescription } from './actions/options.description';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Dataset', value: 'dataset' },
			{ name: 'Embed Job', value: 'embedJob' },
		],
		default: 'embedJob',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['dataset'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a dataset',
				description: 'Upload a file or the input items as a dataset',
			},
			{ name: 'Delete', value: 'delete', action: 'Delete a dataset' },
			{ name: 'Get', value: 'get', action: 'Get a dataset' },
			{ name: 'Get Usage', value: 'getUsage', action: 'Get dataset storage usage' },
			{ name: 'List', value: 'list', action: 'List datasets' },
		],
		default: 'create',
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['embedJob'] } },
		options: [
			{ name: 'Cancel', value: 'cancel', action: 'Cancel an embed job' },
			{
				name: 'Create',
				value: 'create',
				action: 'Create an embed job',
				description: 'Embed a dataset, optionally waiting for the result',
			},
			{ name: 'Get', value: 'get', action: 'Get an embed job' },
			{ name: 'List', value: 'list', action: 'List embed jobs' },
		],
		default: 'create',
	},
	...datasetCreate.description,
	...datasetGet.description,
	...datasetList.description,
	...datasetDelete.description,
	...jobCreate.description,
	...jobGet.description,
	...jobCancel.description,
	optionsDescription,
];
