import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact, getJsonParameter } from '../../parameters/parameters';
import type { ChatResponse } from '../../transport/responses';

/* A chat answer to an item, for every node that reads one: the text parts, tool calls, a structured answer. */

/** The parts of a /v2/chat message's content of one type ("text", "thinking"), joined; undefined when none. */
export function contentText(content: unknown, type = 'text'): string | undefined {
	if (!Array.isArray(content)) return undefined;
	const parts = content
		.filter((part: IDataObject) => part.type === type)
		.map((part: IDataObject) => String(part[type] ?? part.text ?? ''));
	return parts.length ? parts.join('') : undefined;
}

/** Tool calls as a workflow can use them: the id to answer with, the function name and its parsed arguments. */
export function simplifyToolCalls(toolCalls: unknown): IDataObject[] | undefined {
	if (!Array.isArray(toolCalls) || toolCalls.length === 0) return undefined;
	return toolCalls.map((call: IDataObject) => {
		const fn = (call.function ?? {}) as IDataObject;
		let parsed: unknown = fn.arguments;
		if (typeof fn.arguments === 'string') {
			try {
				parsed = JSON.parse(fn.arguments);
			} catch {
				parsed = fn.arguments;
			}
		}
		return {
			id: call.id,
			type: call.type ?? 'function',
			name: fn.name,
			arguments: parsed as IDataObject,
		};
	});
}

/**
 * A `/v2/chat` answer as the node's item: Cohere's whole response, or with "Simplify Output" the text and
 * what came with it; the text parsed as JSON when a JSON answer was asked for.
 */
export function chatAnswer(
	this: IExecuteFunctions,
	itemIndex: number,
	response: ChatResponse,
	format: string,
): IDataObject {
	if (!this.getNodeParameter('simplify', itemIndex, true)) return response as IDataObject;
	const message = response.message ?? {};
	const text = contentText(message.content, 'text') ?? '';
	const simplified: IDataObject = compact({
		text,
		finish_reason: response.finish_reason,
		citations: message.citations,
		tool_plan: message.tool_plan,
		tool_calls: simplifyToolCalls(message.tool_calls),
		thinking: contentText(message.content, 'thinking'),
		usage: response.usage as IDataObject,
		logprobs: response.logprobs,
	});
	if (format !== 'text' && !message.tool_calls)
		simplified.json = parseModelJson.call(this, itemIndex, text);
	return simplified;
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
