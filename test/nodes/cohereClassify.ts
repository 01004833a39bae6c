/* What the tests know of this node: the words that find it, its panels, parameters that run. */
import { byId } from '../fixtures';
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['classify'],
	panels: [
		{
			form: { method: 'embeddings' },
			fields: ['method', 'model', 'input', 'examplesSource', 'examples', 'simplify', 'options'],
		},
	],
	working: {
		name: 'Classify',
		parameters: {
			method: 'embeddings',
			model: byId('embed-v4.0'),
			examplesSource: 'json',
			examplesJson: JSON.stringify([
				{ text: 'red apples', label: 'fruit' },
				{ text: 'green pears', label: 'fruit' },
				{ text: 'a blue car', label: 'vehicle' },
				{ text: 'a fast truck', label: 'vehicle' },
			]),
		},
		batching: true,
	},
};
