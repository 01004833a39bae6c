/* What the tests know of this node: its panels. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	aiSection: 'Rerankers (sub-nodes)',
	aiOutput: 'ai_reranker',
	panels: [{ form: {}, fields: ['model', 'topN', 'options'] }],
};
