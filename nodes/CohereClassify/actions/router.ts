import { createRouter } from '../../shared/run/router';
import * as chat from './chat.operation';
import * as embeddings from './embeddings.operation';
import * as endpoint from './endpoint.operation';

/** Each method labels all items at once: it reads and checks the examples once, before any request. */
export const router = createRouter({
	selectBy: ['method'],
	operations: { embeddings, chat, endpoint },
});
