/* What the tests know of this node: the words that find it, its panels, its subtitles, parameters that run. */
import { byId } from '../fixtures';
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['tokens'],
	panels: [{ form: {}, fields: ['operation', 'model', 'text', 'simplify', 'options'] }],
	subtitles: [[{}, 'Tokenize']],
	working: {
		name: 'Tokenize',
		parameters: { operation: 'tokenize', model: byId('command'), text: '={{ $json.text }}' },
		batching: true,
	},
};
