import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereTokenize implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Tokenize',
		name: 'cohereTokenize',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "detokenize" ? "Detokenize" : "Tokenize" }}',
		description: "Split text into a model's tokens (and count them), or turn tokens back into text",
		defaults: { name: 'Cohere Tokenize' },
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
