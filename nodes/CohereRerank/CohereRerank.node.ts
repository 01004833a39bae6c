import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereRerank implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Rerank',
		name: 'cohereRerank',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["query"] ? "Rerank: " + $parameter["query"] : "Rerank" }}',
		description:
			'A workflow step that orders items (or documents) by relevance to a query. For vector store nodes, use the Cohere Reranker sub-node.',
		defaults: { name: 'Cohere Rerank' },
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
