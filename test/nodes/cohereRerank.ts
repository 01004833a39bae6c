/* What the tests know of this node: the words that find it, its panels, its subtitles, parameters that run. */
import { byId } from '../fixtures';
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['rerank'],
	panels: [
		{
			form: {},
			fields: ['model', 'query', 'source', 'document', 'topN', 'output', 'options'],
		},
	],
	subtitles: [
		[{}, 'Rerank'],
		[{ query: 'refund policy' }, 'Rerank: refund policy'],
	],
	working: {
		name: 'Rerank',
		parameters: { model: byId('rerank-v3.5'), query: 'apples' },
		batching: true,
	},
};
