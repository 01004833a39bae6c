import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getJsonParameter } from '../parameters/parameters';

/* What every chat request of the package shares, whichever node sends it (Chat, Cohere Batch): the sampling
 * options under each API's names, the JSON Schema of a structured answer, and reading that answer. */

/** Sampling options of the node's "Options" collection, under the names each API uses. */
export function samplingOptions(options: IDataObject, style: 'cohere' | 'openai'): IDataObject {
	const stop = options.stopSequences as string[] | string | undefined;
	const stopSequences = Array.isArray(stop)
		? stop.filter((s) => s !== '')
		: stop
			? [stop]
			: undefined;
	const shared: IDataObject = {
		temperature: options.temperature,
		max_tokens: options.maxTokens,
		seed: options.seed,
		frequency_penalty: options.frequencyPenalty,
		presence_penalty: options.presencePenalty,
	};
	if (style === 'openai') return { ...shared, top_p: options.topP, stop: stopSequences };
	return { ...shared, p: options.topP, k: options.topK, stop_sequences: stopSequences };
}

/** The JSON Schema of "Response Format: JSON Object With Schema", checked to be an object schema. */
export function getJsonSchema(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const schema = getJsonParameter.call(this, 'jsonSchema', 'JSON Schema', itemIndex);
	if (!schema || typeof schema !== 'object' || Array.isArray(schema)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "JSON Schema" must be a JSON Schema object in item ${itemIndex}`,
			{
				itemIndex,
				description:
					'For example: {"type": "object", "properties": {"name": {"type": "string"}}, "required": ["name"]}',
			},
		);
	}
	if ((schema as IDataObject).type !== undefined && (schema as IDataObject).type !== 'object') {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "JSON Schema" must describe an object ("type": "object") in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	return schema as IDataObject;
}

/** Parses the model's answer when JSON was asked for; an invalid answer fails the item, not the node. */
export function parseModelJson(
	this: IExecuteFunctions,
	itemIndex: number,
	text: string,
): IDataObject | IDataObject[] {
	const trimmed = text
		.trim()
		.replace(/^```(?:json)?\s*/i, '')
		.replace(/```$/, '')
		.trim();
	try {
		return JSON.parse(trimmed) as IDataObject;
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`The model's answer for item ${itemIndex} is not valid JSON`,
			{
				itemIndex,
				description: `${(error as Error).message}. Answer: ${text.slice(0, 500)}`,
			},
		);
	}
}
