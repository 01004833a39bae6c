import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compatibleEndpointProperties } from '../../shared/descriptions';
import { asText } from '../../shared/helpers/parameters';
import { normalizePath } from '../../shared/transport';
import { transcribe } from '../helpers/request';

const show = { api: ['openai'] };

export const description: INodeProperties[] = compatibleEndpointProperties(
	'cohere-transcribe-03-2026',
	'/audio/transcriptions',
	show,
);

/** POST {API Path}/audio/transcriptions: Cohere's compatibility API or a gateway. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const model = asText(this.getNodeParameter('compatibleModel', itemIndex, '')).trim();
	if (!model)
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Model" is empty in item ${itemIndex}`,
			{
				itemIndex,
			},
		);
	const path = normalizePath(
		asText(this.getNodeParameter('compatiblePath', itemIndex, '/compatibility/v1')),
	);
	return await transcribe.call(this, itemIndex, `${path}/audio/transcriptions`, model);
}
