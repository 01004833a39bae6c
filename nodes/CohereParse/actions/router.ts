import { createRouter } from '../../shared/run/router';
import * as parse from './parse.operation';

/** One operation: one document image per item, with the node's concurrency. */
export const router = createRouter({ selectBy: [], operations: parse, concurrency: 'options' });
