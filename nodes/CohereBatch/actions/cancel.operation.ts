import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getPathSegment } from '../../shared/parameters/parameters';
import { cancelBatch, getBatch } from '../../shared/cohere/batches';
import { batchIdProperty } from '../helpers/fields';

export const description = updateDisplayOptions({ show: { operation: ['cancel'] } }, [
	batchIdProperty,
]);

/** Cancels the batch and answers it as it is then (usually BATCH_STATUS_CANCELING). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = getPathSegment.call(this, 'batchId', 'Batch', itemIndex);
	await cancelBatch.call(this, id, itemIndex);
	return [{ json: await getBatch.call(this, id, itemIndex) }];
}
