import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { MultipartPart } from '../../shared/formats/multipart';
import { multipartBody } from '../../shared/formats/multipart';
import { getOptions } from '../../shared/parameters/numbers';
import { asText } from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import type { TranscriptionResponse } from '../../shared/transport/responses';
import { optionsDescription } from '../actions/options.description';
import { readAudio } from './audio';

/**
 * Transcribes the item's audio with one multipart POST to `path` (Cohere's `/v2/audio/transcriptions`, or
 * `{API Path}/audio/transcriptions` on the OpenAI-compatible API: both take the same fields).
 */
export async function transcribe(
	this: IExecuteFunctions,
	itemIndex: number,
	path: string,
	model: string,
): Promise<INodeExecutionData[]> {
	const language = asText(this.getNodeParameter('language', itemIndex, 'en'))
		.trim()
		.toLowerCase();
	if (!/^[a-z]{2}$/.test(language)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Language" must be an ISO-639-1 code such as "en", not "${language}" (item ${itemIndex})`,
			{ itemIndex },
		);
	}
	const options = getOptions.call(this, itemIndex, optionsDescription);
	const propertyName = asText(
		this.getNodeParameter('binaryPropertyName', itemIndex, 'data'),
	).trim();
	const audio = await readAudio.call(this, itemIndex, propertyName || 'data');
	const temperature = options.temperature as number | undefined;
	const parts: MultipartPart[] = [
		{ field: 'model', value: model },
		{ field: 'language', value: language },
		...(temperature ? [{ field: 'temperature', value: String(temperature) }] : []),
		{ field: 'file', ...audio },
	];
	const response = await (cohereApiRequest<TranscriptionResponse>).call(this, {
		method: 'POST',
		path,
		rawBody: multipartBody(parts),
		itemIndex,
	});
	if (typeof response?.text !== 'string') {
		throw new NodeOperationError(
			this.getNode(),
			`Cohere answered without a transcript for item ${itemIndex}`,
			{ itemIndex, description: 'The model may not be a transcription model: check the Model.' },
		);
	}
	if (!this.getNodeParameter('simplify', itemIndex, true))
		return [{ json: response as IDataObject }];
	return [{ json: { ...this.getInputData()[itemIndex].json, text: response.text } }];
}
