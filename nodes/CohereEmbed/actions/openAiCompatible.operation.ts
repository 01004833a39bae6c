import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compatibleEndpointProperties, inputTypeProperty } from '../../shared/descriptions';
import {
	compact,
	getCompatibleEndpoint,
	perItemParameter,
} from '../../shared/parameters/parameters';
import { cohereApiRequest, getRequestSettings } from '../../shared/transport';
import type { EmbeddingsResponse } from '../../shared/transport/responses';
import type { BatchResult, EmbedEntry } from '../../shared/cohere/embedBatches';
import { readText, textProperty } from '../helpers/text';
import { getOptions } from '../../shared/parameters/numbers';
import { embedInputs } from '../helpers/embedInputs';
import { optionsDescription } from './options.description';

const show = { api: ['openai'] };

export const description = updateDisplayOptions({ show }, [
	...compatibleEndpointProperties('embed-v4.0', '/embeddings'),
	textProperty,
	inputTypeProperty,
]);

export function entryReader(
	this: IExecuteFunctions,
): (itemIndex: number) => Promise<EmbedEntry | 'skip'> {
	const { skipEmpty } = getOptions.call(this, 0, optionsDescription);
	const text = perItemParameter.call(this, 'text');
	return async (itemIndex) => readText.call(this, itemIndex, skipEmpty === true, text);
}

/** The compatibility API embeds texts only. */
export function imageLimits() {
	return { imageBatchSize: 1, maxImageBytes: 0 };
}

/** One POST {path}/embeddings, reading data[i].embedding in index order. */
export async function send(this: IExecuteFunctions, batch: EmbedEntry[]): Promise<BatchResult> {
	const options = getOptions.call(this, 0, optionsDescription);
	const { model, path } = getCompatibleEndpoint.call(this, 0);
	const body = compact({
		model,
		input: batch.map((entry) => entry.text as string),
		encoding_format: (options.encodingFormat as string | undefined) ?? 'float',
		input_type: this.getNodeParameter('inputType', 0) as string,
		dimensions: options.outputDimension ? Number(options.outputDimension) : undefined,
	});
	const response = await (cohereApiRequest<EmbeddingsResponse>).call(this, {
		method: 'POST',
		path: `${path}/embeddings`,
		body,
		itemIndex: batch[0].itemIndex,
		settings: getRequestSettings.call(this, 0),
	});
	const data = (response.data ?? [])
		.slice()
		.sort((a, b) => Number(a.index ?? 0) - Number(b.index ?? 0));
	const usage = response.usage ?? {};
	return {
		embeddings: data.map((entry) => entry.embedding),
		response,
		billedTokens: Number(usage.prompt_tokens ?? 0),
	};
}

/** Embeds all items at once, 96 texts per request (see embedInputs). */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await embedInputs.call(this, { entryReader, imageLimits, send });
}
