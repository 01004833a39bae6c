import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { searchDatasets, searchEmbedJobs } from '../shared/methods/resourceSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

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
		properties,
	};

	methods = { listSearch: { ...listSearch, searchDatasets, searchEmbedJobs } };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
