/* What the tests know of this node: its panels. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	aiSection: 'Embeddings (sub-nodes)',
	aiOutput: 'ai_embedding',
	panels: [{ form: {}, fields: ['model', 'options'] }],
};
