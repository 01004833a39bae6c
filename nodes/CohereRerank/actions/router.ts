import { createRouter } from '../../shared/helpers/router';
import { rerankField, rerankItems } from './rerank.operation';

/** Items as documents are ranked together; an array field is ranked item by item, two at a time. */
export const router = createRouter({
	selectBy: ['source'],
	operations: { items: { executeAll: rerankItems }, field: { execute: rerankField } },
	concurrency: { concurrency: 2 },
});
