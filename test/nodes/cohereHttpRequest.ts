/* What the tests know of this node: the words that find it, its panels, parameters that run. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['http'],
	panels: [
		{
			form: {},
			fields: [
				'method',
				'url',
				'sendQuery',
				'sendHeaders',
				'sendBody',
				'specifyBody',
				'jsonBody',
				'options',
			],
		},
	],
	working: {
		name: 'Raw HTTP',
		parameters: { method: 'POST', url: '/v1/check-api-key', sendBody: false },
		batching: true,
	},
};
