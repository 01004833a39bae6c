import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereSummarize implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Summarize',
		name: 'cohereSummarize',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["method"] === "endpoint" ? "Summarize endpoint (legacy)" : "Summarize with chat" }}',
		description: 'Summarize texts with a Cohere chat model, or the legacy summarize endpoint',
		defaults: { name: 'Cohere Summarize' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
