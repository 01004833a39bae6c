/* What the tests know of this node: the words that find it, its panels, its subtitles, parameters that run. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['dataset', 'embed job'],
	panels: [
		{
			form: { resource: 'embedJob', operation: 'create' },
			fields: [
				'resource',
				'operation',
				'datasetId',
				'model',
				'inputType',
				'embeddingTypes',
				'jobName',
				'truncate',
				'waitForCompletion',
				'options',
			],
		},
		{
			form: { resource: 'embedJob', operation: 'get' },
			fields: ['resource', 'operation', 'jobId', 'options'],
		},
		{
			form: { resource: 'dataset', operation: 'get' },
			fields: ['resource', 'operation', 'datasetId', 'options'],
		},
	],
	subtitles: [
		[{}, 'Create Embed Job'],
		[{ resource: 'embedJob', operation: 'list' }, 'List Embed Jobs'],
		[{ resource: 'embedJob', operation: 'cancel' }, 'Cancel Embed Job'],
		[{ resource: 'dataset', operation: 'create' }, 'Create Dataset'],
		[{ resource: 'dataset', operation: 'getUsage' }, 'Get Dataset Usage'],
		[{ resource: 'dataset', operation: 'list' }, 'List Datasets'],
	],
	working: {
		name: 'Embed Jobs (List)',
		parameters: { resource: 'embedJob', operation: 'list' },
	},
};
