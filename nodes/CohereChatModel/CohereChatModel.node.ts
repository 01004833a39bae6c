import type {
	INodeType,
	INodeTypeDescription,
	ISupplyDataFunctions,
	SupplyData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { properties } from './description';
import { supplyChatModel } from './supplyData';

export class CohereChatModel implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Command Chat Model',
		name: 'cohereChatModel',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["model"].value ?? $parameter["model"] }}',
		description:
			"Cohere's Command models for the AI Agent and chains, through your Cohere credential (Base URL and gateways), with tools, reasoning and streaming",
		defaults: { name: 'Cohere Command Chat Model' },
		inputs: [],
		outputs: [NodeConnectionTypes.AiLanguageModel],
		outputNames: ['Model'],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		return await supplyChatModel.call(this, itemIndex);
	}
}
