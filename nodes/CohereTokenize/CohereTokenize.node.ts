import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import {
	batchingOptions,
	modelLocator,
	optionsCollection,
	requestOptions,
} from '../shared/descriptions';
import { listSearch } from '../shared/methods/listSearch';
import * as detokenize from './actions/detokenize.operation';
import { runNode } from '../shared/helpers/processItems';
import { router } from './actions/router';
import * as tokenize from './actions/tokenize.operation';

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
		properties: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Tokenize',
						value: 'tokenize',
						action: 'Tokenize text',
						description: 'Text to tokens, with the token count',
					},
					{
						name: 'Detokenize',
						value: 'detokenize',
						action: 'Detokenize tokens',
						description: 'Tokens back to text',
					},
				],
				default: 'tokenize',
			},
			modelLocator('searchAllModels', 'command-a-03-2025', {
				description: 'The model whose tokenizer is used',
			}),
			...tokenize.description,
			...detokenize.description,
			{
				displayName: 'Simplify Output',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return only tokens, token strings and count (or the text) instead of the API response body',
			},
			optionsCollection([...batchingOptions(4), ...requestOptions]),
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
