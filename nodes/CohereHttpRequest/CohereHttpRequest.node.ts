import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereHttpRequest implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Raw HTTP',
		name: 'cohereHttpRequest',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["method"] + " " + $parameter["url"]}}',
		description: 'Call any Cohere API endpoint with your Cohere credential applied',
		defaults: { name: 'Cohere Raw HTTP' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
