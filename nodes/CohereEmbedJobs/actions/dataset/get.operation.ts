import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getPathSegment } from '../../../shared/parameters/parameters';
import { getDataset } from '../../../shared/cohere/datasets';
import { datasetIdProperty } from '../../helpers/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['dataset'], operation: ['get'] } },
	[datasetIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return [
		{
			json: await getDataset.call(
				this,
				getPathSegment.call(this, 'datasetId', 'Dataset', itemIndex),
				itemIndex,
			),
		},
	];
}
