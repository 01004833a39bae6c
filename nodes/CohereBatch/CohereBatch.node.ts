import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { searchBatches, searchDatasets } from '../shared/methods/resourceSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereBatch implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Batch',
		name: 'cohereBatch',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { "runChat": "Chat With All Items", "create": "Create Batch", "get": "Get Batch", "list": "List Batches", "cancel": "Cancel Batch" }[$parameter["operation"]] }}',
		description:
			"Run a whole sheet of prompts through Cohere's batch engine: one batch for all items, answers paired back",
		defaults: { name: 'Cohere Batch' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties,
	};

	methods = { listSearch: { ...listSearch, searchBatches, searchDatasets } };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
