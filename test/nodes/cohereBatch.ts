/* What the tests know of this node: the words that find it, its panels. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['batch', 'bulk'],
	panels: [
		{
			form: { operation: 'runChat' },
			fields: [
				'operation',
				'model',
				'prompt',
				'systemMessage',
				'responseFormat',
				'simplify',
				'options',
			],
		},
		{
			form: { operation: 'runChat', responseFormat: 'json_schema' },
			fields: [
				'operation',
				'model',
				'prompt',
				'systemMessage',
				'responseFormat',
				'jsonSchema',
				'simplify',
				'options',
			],
		},
		{
			form: { operation: 'create' },
			fields: ['operation', 'inputDatasetId', 'model', 'name', 'options'],
		},
		{ form: { operation: 'get' }, fields: ['operation', 'batchId', 'outputResults', 'options'] },
		{ form: { operation: 'list' }, fields: ['operation', 'returnAll', 'limit', 'options'] },
		{ form: { operation: 'cancel' }, fields: ['operation', 'batchId', 'options'] },
	],
};
