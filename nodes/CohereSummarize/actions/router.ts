import { createRouter } from '../../shared/helpers/router';
import * as chat from './chat.operation';
import * as endpoint from './endpoint.operation';

export const router = createRouter({
	selectBy: ['method'],
	operations: { chat, endpoint },
	concurrency: 'options',
});
