import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { processItems } from '../../shared/helpers/processItems';
import * as request from './request.operation';

/** One operation: send the request described by the parameters, once per input item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const { concurrency } = this.getNodeParameter('options', 0, {}) as { concurrency?: number };
	return [await processItems.call(this, request.execute, { concurrency: concurrency ?? 1 })];
}
