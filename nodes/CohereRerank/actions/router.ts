import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { processItems } from '../../shared/helpers/processItems';
import { rerankField, rerankItems } from './rerank.operation';

/** Items as documents are ranked together; an array field is ranked item by item. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (this.getNodeParameter('source', 0) === 'items') return [await rerankItems.call(this)];
	return [await processItems.call(this, rerankField, { concurrency: 2 })];
}
