import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { checkPathSegment, getModelId } from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import type { Model } from '../../shared/transport/responses';

const properties: INodeProperties[] = [
	modelLocator('searchAllModels', '', { description: 'The model to get' }),
];

export const description = updateDisplayOptions({ show: { operation: ['get'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const model = checkPathSegment.call(this, getModelId.call(this, itemIndex), 'Model', itemIndex);
	const response = await (cohereApiRequest<Model>).call(this, {
		method: 'GET',
		path: `/v1/models/${encodeURIComponent(model)}`,
		itemIndex,
	});
	return [{ json: response }];
}
