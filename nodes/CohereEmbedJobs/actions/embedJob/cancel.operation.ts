import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getPathSegment } from '../../../shared/parameters/parameters';
import { cohereApiRequest } from '../../../shared/transport';
import { getJob, jobIdProperty } from '../../helpers/fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['embedJob'], operation: ['cancel'] } },
	[jobIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const id = getPathSegment.call(this, 'jobId', 'Embed Job', itemIndex);
	await cohereApiRequest.call(this, {
		method: 'POST',
		path: `/v1/embed-jobs/${encodeURIComponent(id)}/cancel`,
		itemIndex,
	});
	return [{ json: await getJob.call(this, id, itemIndex) }];
}
