import { createRouter } from '../../shared/run/router';
import * as get from './get.operation';
import * as list from './list.operation';

export const router = createRouter({ selectBy: ['operation'], operations: { list, get } });
