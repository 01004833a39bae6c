import type {
	INodeType,
	INodeTypeDescription,
	ISupplyDataFunctions,
	SupplyData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { properties } from './description';
import { supplyReranker } from './supplyData';

export class CohereReranker implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Reranker',
		name: 'cohereReranker',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["model"].value ?? $parameter["model"] }}',
		description:
			'Reorder what a vector store found by relevance with Cohere Rerank (v4 models included), through your Cohere credential',
		defaults: { name: 'Cohere Reranker' },
		inputs: [],
		outputs: [NodeConnectionTypes.AiReranker],
		outputNames: ['Reranker'],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		return await supplyReranker.call(this, itemIndex);
	}
}
