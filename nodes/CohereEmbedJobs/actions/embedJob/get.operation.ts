import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getPathSegment } from '../../../shared/helpers/parameters';
import { getJob } from './create.operation';

export const jobIdProperty: INodeProperties = {
	displayName: 'Job ID',
	name: 'jobId',
	type: 'string',
	default: '',
	required: true,
};

export const description = updateDisplayOptions(
	{ show: { resource: ['embedJob'], operation: ['get'] } },
	[jobIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return [
		{
			json: await getJob.call(this, getPathSegment(this, 'jobId', 'Job ID', itemIndex), itemIndex),
		},
	];
}
