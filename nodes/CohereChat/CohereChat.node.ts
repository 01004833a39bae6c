import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereChat implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Chat',
		name: 'cohereChat',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { v2: "Chat", v1: "Chat v1 (legacy)", generate: "Generate (legacy)", openai: "OpenAI-compatible" }[$parameter["api"]] }}',
		description:
			'A workflow step that answers each item with a Cohere chat model: RAG with citations, vision, JSON output, tools. For the AI Agent, use the Cohere Command Chat Model sub-node.',
		defaults: { name: 'Cohere Chat' },
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
