import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereEmbed implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Embed',
		name: 'cohereEmbed',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["api"] === "openai" ? "OpenAI-Compatible Embeddings" : $parameter["input"] === "image" ? "Image" : { search_document: "Search Document", search_query: "Search Query", classification: "Classification", clustering: "Clustering", image: "Image" }[$parameter["inputType"]] }}',
		description:
			'A workflow step that embeds the text or image of each item, 96 per request. For vector store nodes, use the Cohere Embeddings sub-node.',
		defaults: { name: 'Cohere Embed' },
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
