import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getPathSegment } from '../../../shared/parameters/parameters';
import { cohereApiRequest } from '../../../shared/transport';
import { datasetIdProperty } from '../../helpers/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['dataset'], operation: ['delete'] } },
	[datasetIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = getPathSegment.call(this, 'datasetId', 'Dataset', itemIndex);
	await cohereApiRequest.call(this, {
		method: 'DELETE',
		path: `/v1/datasets/${encodeURIComponent(id)}`,
		itemIndex,
	});
	return [{ json: { id, deleted: true } }];
}
