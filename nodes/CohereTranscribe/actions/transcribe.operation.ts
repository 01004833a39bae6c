import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { getModelId } from '../../shared/parameters/parameters';
import { transcribe } from '../helpers/request';

const show = { api: ['cohere'] };

export const description = updateDisplayOptions({ show }, [
	modelLocator('searchTranscribeModels', 'cohere-transcribe-03-2026'),
]);

/** POST /v2/audio/transcriptions: one audio file per item. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await transcribe.call(
		this,
		itemIndex,
		'/v2/audio/transcriptions',
		getModelId.call(this, itemIndex),
	);
}
