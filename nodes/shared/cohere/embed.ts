import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { CohereContext, RequestSettings } from '../transport';
import { cohereApiRequest } from '../transport';
import type { EmbedResponse } from '../transport/responses';
import { OUTPUT_DIMENSIONS } from '../limits';
import { compact } from '../parameters/parameters';

/** One POST /v2/embed: texts, images or mixed inputs (at most 96), in the embedding types asked for. */
export interface EmbedRequest {
	model: string;
	inputType: string;
	texts?: string[];
	/** Images as data URIs; sent instead of texts. */
	images?: string[];
	/** Inputs of text and image parts, each embedded as one (Embed 4 and newer); instead of texts. */
	inputs?: IDataObject[];
	embeddingTypes: string[];
	truncate?: string;
	outputDimension?: number;
	maxTokens?: number;
	priority?: number;
	itemIndex?: number;
	settings?: RequestSettings;
}

/** The one sender of POST /v2/embed, for the Embed node, Classify and the Embeddings sub-node. */
export async function requestEmbeddings(
	this: CohereContext,
	request: EmbedRequest,
): Promise<EmbedResponse> {
	const dimensions = OUTPUT_DIMENSIONS[request.model];
	if (
		request.outputDimension !== undefined &&
		dimensions &&
		!dimensions.includes(request.outputDimension)
	) {
		throw new NodeOperationError(
			this.getNode(),
			`Output Dimension ${request.outputDimension} is not one that ${request.model} takes (${dimensions.join(', ')})`,
			{
				itemIndex: request.itemIndex,
				description: 'Pick another Output Dimension in the Options, or another model.',
			},
		);
	}
	return await (cohereApiRequest<EmbedResponse>).call(this, {
		method: 'POST',
		path: '/v2/embed',
		body: compact({
			model: request.model,
			input_type: request.inputType,
			texts: request.texts,
			images: request.images,
			inputs: request.inputs,
			embedding_types: request.embeddingTypes,
			output_dimension: request.outputDimension,
			truncate: request.truncate,
			max_tokens: request.maxTokens,
			priority: request.priority,
		}),
		itemIndex: request.itemIndex,
		settings: request.settings,
	});
}

/**
 * Float vectors for texts (at most 96). The answer is checked: one finite vector per text, or an error;
 * never a missing or empty vector passed on as if it were one.
 */
export async function requestFloatEmbeddings(
	this: CohereContext,
	request: Omit<EmbedRequest, 'embeddingTypes' | 'images' | 'inputs'> & { texts: string[] },
): Promise<{ vectors: number[][]; response: EmbedResponse }> {
	const response = await requestEmbeddings.call(this, { ...request, embeddingTypes: ['float'] });
	const embeddings = response.embeddings;
	const vectors = embeddings && !Array.isArray(embeddings) ? embeddings.float : undefined;
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
