import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { cohereApiRequest } from '../../../shared/transport';
import type { ListEmbedJobsResponse } from '../../../shared/transport/responses';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const response = await (cohereApiRequest<ListEmbedJobsResponse>).call(this, {
		method: 'GET',
		path: '/v1/embed-jobs',
		itemIndex,
	});
	return (response.embed_jobs ?? []).map((job) => ({ json: job }));
}
