import type {
	INodeType,
	INodeTypeDescription,
	ISupplyDataFunctions,
	SupplyData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { properties } from './description';
import { supplyEmbeddings } from './supplyData';

export class CohereEmbeddings implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Embeddings',
		name: 'cohereEmbeddings',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["model"].value ?? $parameter["model"] }}',
		description:
			'Cohere Embed v4 (and earlier) for vector stores: documents and queries with their own input types, 96 texts per request, through your Cohere credential',
		defaults: { name: 'Cohere Embeddings' },
		inputs: [],
		outputs: [NodeConnectionTypes.AiEmbedding],
		outputNames: ['Embeddings'],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		return await supplyEmbeddings.call(this, itemIndex);
	}
}
