import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getBatching } from '../../shared/descriptions';
import { processItems } from '../../shared/helpers/processItems';
import * as request from './request.operation';

/** One operation: send the request described by the parameters, once per input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return [await processItems.call(this, request.execute, getBatching.call(this, 1))];
}
