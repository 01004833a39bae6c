/* What the tests know of this node: the words that find it, its panels, its subtitles, parameters that run. */
import { byId } from '../fixtures';
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['embeddings'],
	panels: [
		{
			form: { api: 'cohere' },
			fields: [
				'api',
				'model',
				'input',
				'text',
				'inputType',
				'embeddingTypes',
				'output',
				'fieldName',
				'options',
			],
		},
		{
			form: { api: 'cohere', input: 'mixed' },
			fields: [
				'api',
				'model',
				'input',
				'text',
				'imageProperty',
				'inputType',
				'embeddingTypes',
				'output',
				'fieldName',
				'options',
			],
		},
		{
			form: { api: 'openai' },
			fields: [
				'api',
				'compatibleModel',
				'compatiblePath',
				'text',
				'inputType',
				'output',
				'fieldName',
				'options',
			],
		},
	],
	subtitles: [
		[{}, 'Search Document'],
		[{ inputType: 'search_query' }, 'Search Query'],
		[{ input: 'image' }, 'Image'],
		[{ input: 'mixed' }, 'Search Document'],
		[{ api: 'openai' }, 'OpenAI-Compatible Embeddings'],
	],
	working: {
		name: 'Embed',
		parameters: { api: 'cohere', model: byId('embed-v4.0') },
		batching: true,
	},
};
