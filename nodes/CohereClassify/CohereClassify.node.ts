import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereClassify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Classify',
		name: 'cohereClassify',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { embeddings: "Classify by embeddings", chat: "Classify with chat", endpoint: "Classify endpoint (legacy)" }[$parameter["method"]] }}',
		description:
			'Label texts from a few examples, with Cohere embeddings, a chat model, or the legacy classify endpoint',
		defaults: { name: 'Cohere Classify' },
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
