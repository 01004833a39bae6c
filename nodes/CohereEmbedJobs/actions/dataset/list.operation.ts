import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compact } from '../../../shared/parameters/parameters';
import { cohereApiRequest } from '../../../shared/transport';
import type { ListDatasetsResponse } from '../../../shared/transport/responses';

const properties: INodeProperties[] = [
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Dataset Type', name: 'datasetType', type: 'string', default: 'embed-input' },
			{
				displayName: 'Validation Status',
				name: 'validationStatus',
				type: 'options',
				options: [
					{ name: 'Failed', value: 'failed' },
					{ name: 'Processing', value: 'processing' },
					{ name: 'Queued', value: 'queued' },
					{ name: 'Skipped', value: 'skipped' },
					{ name: 'Validated', value: 'validated' },
				],
				default: 'validated',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dataset'], operation: ['list'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const response = await (cohereApiRequest<ListDatasetsResponse>).call(this, {
		method: 'GET',
		path: '/v1/datasets',
		qs: compact({
			datasetType: filters.datasetType,
			validationStatus: filters.validationStatus,
		}),
		itemIndex,
	});
	return (response.datasets ?? []).map((dataset) => ({ json: dataset }));
}
