import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch, searchDatasets, searchEmbedJobs } from '../shared/methods/listSearch';
import * as datasetCreate from './actions/dataset/create.operation';
import * as datasetDelete from './actions/dataset/delete.operation';
import * as datasetGet from './actions/dataset/get.operation';
import * as datasetList from './actions/dataset/list.operation';
import * as jobCancel from './actions/embedJob/cancel.operation';
import * as jobCreate from './actions/embedJob/create.operation';
import * as jobGet from './actions/embedJob/get.operation';
import { runNode } from '../shared/helpers/processItems';
import { router } from './actions/router';
import { optionsDescription } from './actions/options.description';

export class CohereEmbedJobs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Embed Jobs',
		name: 'cohereEmbedJobs',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { "dataset:create": "Create Dataset", "dataset:get": "Get Dataset", "dataset:list": "List Datasets", "dataset:delete": "Delete Dataset", "dataset:getUsage": "Get Dataset Usage", "embedJob:create": "Create Embed Job", "embedJob:get": "Get Embed Job", "embedJob:list": "List Embed Jobs", "embedJob:cancel": "Cancel Embed Job" }[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description:
			"Embed whole corpora with Cohere's batch engine: upload datasets, run embed jobs, read the results",
		defaults: { name: 'Cohere Embed Jobs' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties: [
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
		],
	};

	methods = { listSearch: { ...listSearch, searchDatasets, searchEmbedJobs } };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
