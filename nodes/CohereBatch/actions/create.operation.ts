import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idLocator, modelLocator } from '../../shared/descriptions';
import { getModelId, getPathSegment, getRequiredText } from '../../shared/parameters/parameters';
import { createBatch } from '../../shared/cohere/batches';

const properties: INodeProperties[] = [
	idLocator({
		displayName: 'Input Dataset',
		name: 'inputDatasetId',
		searchListMethod: 'searchDatasets',
		placeholder: 'e.g. my-requests-a1b2c3',
		description:
			'A validated dataset of requests (batch-chat-v2-input, batch-embed-v2-input or batch-openai-chat-input)',
	}),
	modelLocator('searchAllModels', 'command-a-03-2025', {
		description: 'The model that answers every record',
	}),
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: 'n8n-batch',
		required: true,
		description: 'Name of the batch',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['create'] } }, properties);

/** POST /v2/batches from a dataset already uploaded: for flows that read the results in a later execution. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const batch = await createBatch.call(
		this,
		{
			name: getRequiredText.call(this, 'name', 'Name', itemIndex).trim(),
			inputDatasetId: getPathSegment.call(this, 'inputDatasetId', 'Input Dataset', itemIndex),
			model: getModelId.call(this, itemIndex),
		},
		itemIndex,
	);
	return [{ json: batch }];
}
