import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../../shared/descriptions';
import { getPathSegment } from '../../../shared/helpers/parameters';
import { getDataset } from '../../../shared/helpers/datasets';

export const datasetIdProperty: INodeProperties = idLocator({
	displayName: 'Dataset',
	name: 'datasetId',
	searchListMethod: 'searchDatasets',
	placeholder: 'e.g. my-dataset-a1b2c3',
});

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
