import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { requestOptions } from '../shared/descriptions';
import { listSearch } from '../shared/methods/listSearch';
import * as datasetCreate from './actions/dataset/create.operation';
import * as datasetDelete from './actions/dataset/delete.operation';
import * as datasetGet from './actions/dataset/get.operation';
import * as datasetList from './actions/dataset/list.operation';
import * as jobCancel from './actions/embedJob/cancel.operation';
import * as jobCreate from './actions/embedJob/create.operation';
import * as jobGet from './actions/embedJob/get.operation';
import { router } from './actions/router';

export class CohereEmbedJobs implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Embed Jobs',
		name: 'cohereEmbedJobs',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
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
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				displayOptions: { show: { operation: ['create'] } },
				options: [
					{
						displayName: 'CSV Delimiter',
						name: 'csvDelimiter',
						type: 'string',
						default: ',',
						displayOptions: { show: { '/resource': ['dataset'] } },
					},
					{
						displayName: 'Keep Fields',
						name: 'keepFields',
						type: 'string',
						default: '',
						placeholder: 'e.g. url, title',
						description:
							'Fields kept in the dataset besides text, comma-separated; validation fails when one is missing',
						displayOptions: { show: { '/resource': ['dataset'] } },
					},
					{
						displayName: 'Max Wait (Seconds)',
						name: 'maxWait',
						type: 'number',
						typeOptions: { minValue: 1 },
						default: 600,
						description: 'How long to wait for validation or completion before failing',
					},
					{
						displayName: 'Optional Fields',
						name: 'optionalFields',
						type: 'string',
						default: '',
						description: 'Fields kept when present, comma-separated',
						displayOptions: { show: { '/resource': ['dataset'] } },
					},
					{
						displayName: 'Poll Interval (Seconds)',
						name: 'pollInterval',
						type: 'number',
						typeOptions: { minValue: 0.01, numberPrecision: 2 },
						default: 2,
						description: 'First wait between status reads; it doubles after each read, up to 30 s',
					},
					{
						displayName: 'Skip Malformed Input',
						name: 'skipMalformedInput',
						type: 'boolean',
						default: false,
						description:
							'Whether malformed rows are dropped (and listed in the warnings) instead of failing validation',
						displayOptions: { show: { '/resource': ['dataset'] } },
					},
					{
						displayName: 'Text Separator',
						name: 'textSeparator',
						type: 'string',
						default: '',
						description: 'How .txt uploads are split into rows (a line break by default)',
						displayOptions: { show: { '/resource': ['dataset'] } },
					},
					{
						displayName: 'Wait for Validation',
						name: 'waitForValidation',
						type: 'boolean',
						default: false,
						description:
							'Whether to poll the new dataset until Cohere has validated it, failing with its warnings if it cannot',
						displayOptions: { show: { '/resource': ['dataset'] } },
					},
					...requestOptions,
				],
			},
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await router.call(this);
	}
}
