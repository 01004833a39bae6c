/* What the tests know of this node: its panels. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	aiSection: '(top)',
	aiOutput: 'ai_languageModel',
	panels: [{ form: {}, fields: ['model', 'options'] }],
};
