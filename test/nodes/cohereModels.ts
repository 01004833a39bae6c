/* What the tests know of this node: the words that find it, its panels, parameters that run. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['models'],
	panels: [{ form: {}, fields: ['operation', 'returnAll', 'limit', 'filters', 'options'] }],
	working: { name: 'List Models', parameters: { operation: 'list', returnAll: true } },
};
