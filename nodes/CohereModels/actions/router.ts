import { createRouter } from '../../shared/helpers/router';
import * as get from './get.operation';
import * as list from './list.operation';

export const router = createRouter({ selectBy: ['operation'], operations: { list, get } });
