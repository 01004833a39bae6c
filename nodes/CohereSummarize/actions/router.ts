import { createRouter } from '../../shared/run/router';
import * as chat from './chat.operation';
import * as endpoint from './endpoint.operation';

export const router = createRouter({
	selectBy: ['method'],
	operations: { chat, endpoint },
	concurrency: 'options',
});
