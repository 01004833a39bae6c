import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator } from '../../../shared/descriptions';
import { getPathSegment } from '../../../shared/helpers/parameters';
import { getJob } from './create.operation';

export const jobIdProperty: INodeProperties = idLocator({
	displayName: 'Embed Job',
	name: 'jobId',
	searchListMethod: 'searchEmbedJobs',
	placeholder: 'e.g. 1a2b3c4d-0000-4000-8000-000000000000',
});

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
			json: await getJob.call(
				this,
				getPathSegment.call(this, 'jobId', 'Embed Job', itemIndex),
				itemIndex,
			),
		},
	];
}
