import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { readDatasetRows } from '../../shared/cohere/datasets';
import { getPathSegment } from '../../shared/parameters/parameters';
import { getBatch, readBatchRecord } from '../../shared/cohere/batches';
import { batchIdProperty } from '../helpers/fields';

const properties: INodeProperties[] = [
	batchIdProperty,
	{
		displayName: 'Output Results',
		name: 'outputResults',
		type: 'boolean',
		default: false,
		description:
			"Whether to read a completed batch's output dataset and emit one item per record (custom_id, response, error)",
	},
];

export const description = updateDisplayOptions({ show: { operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = getPathSegment.call(this, 'batchId', 'Batch', itemIndex);
	const batch = await getBatch.call(this, id, itemIndex);
	if (!this.getNodeParameter('outputResults', itemIndex, false)) return [{ json: batch }];
	if (batch.status !== 'BATCH_STATUS_COMPLETED' || !batch.output_dataset_id) {
		throw new NodeOperationError(this.getNode(), `Batch ${id} has no results yet`, {
			itemIndex,
			description: `Status: ${String(batch.status)}. Results can be read once it is BATCH_STATUS_COMPLETED.`,
		});
	}
	const rows = await readDatasetRows.call(this, batch.output_dataset_id, itemIndex);
	return rows.map((row, position) => {
		const result = readBatchRecord(row);
		if (!result)
			throw new NodeOperationError(
				this.getNode(),
				`Record ${position + 1} of batch ${id}'s output has no custom_id`,
				{ itemIndex },
			);
		const json: IDataObject = { custom_id: result.customId, batch_id: id };
		if (result.response) json.response = result.response;
		if (result.error !== undefined) json.error = result.error;
		return { json };
	});
}
