import { createRouter } from '../../shared/helpers/router';
import { executeChat, executeEndpoint } from './summarize.operation';

export const router = createRouter({
	selectBy: ['method'],
	operations: { chat: { execute: executeChat }, endpoint: { execute: executeEndpoint } },
	concurrency: 2,
});
