import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compatibleEndpointProperties } from '../../shared/descriptions';
import { getCompatibleEndpoint } from '../../shared/parameters/parameters';
import { transcribe } from '../helpers/request';

const show = { api: ['openai'] };

export const description = updateDisplayOptions(
	{ show },
	compatibleEndpointProperties('cohere-transcribe-03-2026', '/audio/transcriptions'),
);

/** POST {API Path}/audio/transcriptions: Cohere's compatibility API or a gateway. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { model, path } = getCompatibleEndpoint.call(this, itemIndex);
	return await transcribe.call(this, itemIndex, `${path}/audio/transcriptions`, model);
}
