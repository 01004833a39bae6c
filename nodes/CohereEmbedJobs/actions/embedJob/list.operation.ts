import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { cohereApiRequest } from '../../../shared/transport';

export const description: INodeProperties[] = [];

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const response = (await cohereApiRequest.call(this, {
		method: 'GET',
		path: '/v1/embed-jobs',
		itemIndex,
	})) as IDataObject;
	return ((response.embed_jobs ?? []) as IDataObject[]).map((job) => ({ json: job }));
}
