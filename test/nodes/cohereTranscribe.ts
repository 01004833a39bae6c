/* What the tests know of this node: the words that find it, its panels. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['speech to text', 'voice'],
	panels: [
		{
			form: { api: 'cohere' },
			fields: ['api', 'model', 'binaryPropertyName', 'language', 'simplify', 'options'],
		},
		{
			form: { api: 'openai' },
			fields: [
				'api',
				'compatibleModel',
				'compatiblePath',
				'binaryPropertyName',
				'language',
				'simplify',
				'options',
			],
		},
	],
};
