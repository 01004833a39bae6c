import { createRouter } from '../../shared/helpers/router';
import { classifyByChat } from './chat.method';
import { classifyByEmbeddings } from './embeddings.method';
import { classifyByEndpoint } from './endpoint.method';
import { getExamples } from './examples';

// The examples are the same for every item: each method reads and checks them once, before any request.
export const router = createRouter({
	selectBy: ['method'],
	operations: {
		embeddings: {
			async executeAll() {
				const { examples, labels } = getExamples.call(this, true);
				return await classifyByEmbeddings.call(this, examples, labels);
			},
		},
		chat: {
			async executeAll() {
				const { examples, labels } = getExamples.call(this, true);
				return await classifyByChat.call(this, examples, labels);
			},
		},
		endpoint: {
			async executeAll() {
				return await classifyByEndpoint.call(this, getExamples.call(this, false).examples);
			},
		},
	},
});
