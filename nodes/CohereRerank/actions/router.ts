import { createRouter } from '../../shared/run/router';
import * as field from './field.operation';
import * as items from './items.operation';

/** Items as documents are ranked together; an array field is ranked item by item, two at a time. */
export const router = createRouter({
	selectBy: ['source'],
	operations: { items, field },
	concurrency: 'options',
});
