import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compatibleEndpointProperties, inputTypeProperty } from '../../shared/descriptions';
import { compact, getCompatibleEndpoint, perItemParameter } from '../../shared/helpers/parameters';
import { cohereApiRequest, getRequestSettings } from '../../shared/transport';
import type { EmbeddingsResponse } from '../../shared/transport/responses';
import type { BatchResult, BatchSettings, EmbedEntry } from '../../shared/helpers/embeddingBatches';
import { readText, textProperty } from '../helpers/text';
import { LIMITS } from '../../shared/limits';
import { getOptions } from '../../shared/helpers/numbers';
import { embedInputs } from '../helpers/embedInputs';
import { optionsDescription } from './options.description';
import { getBatching } from '../../shared/helpers/run';

const show = { api: ['openai'] };

export const description: INodeProperties[] = [
	...compatibleEndpointProperties('embed-v4.0', '/embeddings', show),
	{ ...textProperty, displayOptions: { show } },
	{ ...inputTypeProperty, displayOptions: { show } },
];

export function entryReader(
	this: IExecuteFunctions,
): (itemIndex: number) => Promise<EmbedEntry | 'skip'> {
	const { skipEmpty } = getOptions.call(this, 0, optionsDescription);
	const text = perItemParameter.call(this, 'text');
	return async (itemIndex) => readText.call(this, itemIndex, skipEmpty === true, text);
}

export function batchSettings(this: IExecuteFunctions): BatchSettings {
	const options = getOptions.call(this, 0, optionsDescription);
	return {
		textBatchSize: Math.min(
			Number(options.batchSize ?? LIMITS.embedInputsPerRequest),
			LIMITS.embedInputsPerRequest,
		),
		imageBatchSize: 1,
		maxImageBytes: 0,
		concurrency: getBatching.call(this).concurrency,
	};
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
	return await embedInputs.call(this, { entryReader, batchSettings, send });
}
