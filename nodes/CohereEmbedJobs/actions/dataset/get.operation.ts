import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../../shared/descriptions';
import { getPathSegment } from '../../../shared/helpers/parameters';
import { cohereApiRequest } from '../../../shared/transport';
import type { Dataset, GetDatasetResponse } from '../../../shared/transport/responses';

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

/** A failed validation, with Cohere's reason and the dataset's warnings. */
export function failedValidation(
	this: IExecuteFunctions,
	dataset: IDataObject,
	itemIndex: number,
): NodeOperationError {
	const warnings = (dataset.validation_warnings as string[] | undefined) ?? [];
	return new NodeOperationError(
		this.getNode(),
		`Cohere could not validate dataset ${String(dataset.id)}`,
		{
			itemIndex,
			description:
				[dataset.validation_error, ...warnings].filter(Boolean).join('; ') || 'No reason given',
		},
	);
}

export async function getDataset(
	this: IExecuteFunctions,
	id: string,
	itemIndex: number,
): Promise<Dataset> {
	const response = await (cohereApiRequest<GetDatasetResponse>).call(this, {
		method: 'GET',
		path: `/v1/datasets/${encodeURIComponent(id)}`,
		itemIndex,
	});
	return response.dataset as Dataset;
}

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
