import { createRouter } from '../../shared/run/router';
import * as request from './request.operation';

/** One operation: send the request described by the parameters, once per input item (one at a time by default). */
export const router = createRouter({ selectBy: [], operations: request, concurrency: 'options' });
