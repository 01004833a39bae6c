import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getPathSegment } from '../../../shared/parameters/parameters';
import { getJob, jobIdProperty } from '../../helpers/fields';

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
