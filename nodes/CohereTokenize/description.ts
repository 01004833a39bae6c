import type { INodeProperties } from 'n8n-workflow';
import {
	batchingOptions,
	modelLocator,
	optionsCollection,
	requestOptions,
} from '../shared/descriptions';
import * as detokenize from './actions/detokenize.operation';
import * as tokenize from './actions/tokenize.operation';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
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
	optionsCollection([...batchingOptions(), ...requestOptions]),
];
