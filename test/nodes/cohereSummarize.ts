/* What the tests know of this node: the words that find it, its panels, parameters that run. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['summarize'],
	panels: [
		{
			form: { method: 'chat' },
			fields: [
				'method',
				'model',
				'text',
				'length',
				'format',
				'extractiveness',
				'additionalCommand',
				'simplify',
				'options',
			],
		},
	],
	working: {
		name: 'Summarize',
		parameters: { method: 'chat', text: '={{ $json.text }}' },
		batching: true,
	},
};
