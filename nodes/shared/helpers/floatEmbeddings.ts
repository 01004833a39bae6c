import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CohereContext, RequestSettings } from '../transport';
import { cohereApiRequest } from '../transport';
import { compact } from './parameters';

export interface FloatEmbeddingsRequest {
	model: string;
	inputType: string;
	texts: string[];
	truncate?: string;
	outputDimension?: number;
	maxTokens?: number;
	priority?: number;
	itemIndex?: number;
	settings?: RequestSettings;
}

/**
 * One `POST /v2/embed` for float vectors (at most 96 texts). The answer is checked: one finite vector per
 * text, or an error; never a missing or empty vector passed on as if it were one.
 */
export async function requestFloatEmbeddings(
	this: CohereContext,
	request: FloatEmbeddingsRequest,
): Promise<{ vectors: number[][]; response: IDataObject }> {
	const response = (await cohereApiRequest.call(this, {
		method: 'POST',
		path: '/v2/embed',
		body: compact({
			model: request.model,
			input_type: request.inputType,
			texts: request.texts,
			embedding_types: ['float'],
			truncate: request.truncate,
			output_dimension: request.outputDimension,
			max_tokens: request.maxTokens,
			priority: request.priority,
		}) as IDataObject,
		itemIndex: request.itemIndex,
		settings: request.settings,
	})) as IDataObject;
	const vectors = (response.embeddings as IDataObject | undefined)?.float;
	const valid =
		Array.isArray(vectors) &&
		vectors.length === request.texts.length &&
		vectors.every(
			(vector) =>
				Array.isArray(vector) &&
				vector.length > 0 &&
				vector.every((v) => typeof v === 'number' && Number.isFinite(v)),
		);
	if (!valid) {
		throw new NodeOperationError(
			this.getNode(),
			`Cohere answered without one float embedding per text (${request.texts.length} sent)`,
			{ description: 'The model may not be an embedding model: check the Model.' },
		);
	}
	return { vectors: vectors as number[][], response };
}
