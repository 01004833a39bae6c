import { createRouter } from '../../shared/run/router';
import * as detokenize from './detokenize.operation';
import * as tokenize from './tokenize.operation';

export const router = createRouter({
	selectBy: ['operation'],
	operations: { tokenize, detokenize },
	concurrency: 'options',
});
