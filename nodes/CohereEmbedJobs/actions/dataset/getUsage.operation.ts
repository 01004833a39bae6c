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
	const usage = await (cohereApiRequest<IDataObject>).call(this, {
		method: 'GET',
		path: '/v1/datasets/usage',
		itemIndex,
	});
	return [{ json: usage }];
}
