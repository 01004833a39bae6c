import type { FinishReason, Message, MessageContent, TokenUsage } from '@n8n/ai-node-sdk';
import type { IDataObject } from 'n8n-workflow';

import type { ChatResponse, Usage } from '../../shared/transport/responses';

/** Cohere v2 chat messages, as `POST /v2/chat` takes them. */
export interface CohereToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export type CohereMessage =
	| { role: 'system'; content: string }
	| { role: 'user'; content: string | IDataObject[] }
	| { role: 'assistant'; content?: string; tool_calls?: CohereToolCall[]; tool_plan?: string }
	| { role: 'tool'; tool_call_id: string; content: string };

/** What the model reads of a /v2/chat answer: Cohere's one chat response type. */
export type CohereChatResponse = ChatResponse;
export type CohereUsage = Usage;

const textOf = (content: MessageContent[]) =>
	content
		.filter((part): part is Extract<MessageContent, { type: 'text' }> => part.type === 'text')
		.map((part) => part.text)
		.join('');

function base64(data: string | Uint8Array): string {
	return typeof data === 'string' ? data : Buffer.from(data).toString('base64');
}

/** An image part for vision models: a URL as it is, inline data as a data URI. */
function imagePart(part: Extract<MessageContent, { type: 'file' }>): IDataObject {
	const url = part.providerMetadata?.url;
	if (typeof url === 'string' && url) return { type: 'image_url', image_url: { url } };
	const data = base64(part.data);
	return {
		type: 'image_url',
		image_url: {
			url: data.startsWith('data:') ? data : `data:${part.mediaType ?? 'image/png'};base64,${data}`,
		},
	};
}

function userContent(content: MessageContent[]): string | IDataObject[] {
	if (!content.some((part) => part.type === 'file')) return textOf(content);
	const parts: IDataObject[] = [];
	for (const part of content) {
		if (part.type === 'text') parts.push({ type: 'text', text: part.text });
		else if (part.type === 'file') {
			if (part.mediaType && !part.mediaType.startsWith('image/')) {
				throw new Error(
					`Cohere chat models take images, not ${part.mediaType} files: convert the file to text first`,
				);
			}
			parts.push(imagePart(part));
		}
	}
	return parts;
}

const asToolContent = (result: unknown) =>
	typeof result === 'string' ? result : JSON.stringify(result ?? '');

/**
 * The SDK's messages in Cohere's v2 form. Tool calls keep Cohere's ids, and the tool plan Cohere gave with
 * them (carried in the part's provider metadata) goes back with the assistant message, as Cohere expects;
 * each tool result becomes a `tool` message with the id of the call it answers.
 */
export function toCohereMessages(messages: Message[]): CohereMessage[] {
	const converted: CohereMessage[] = [];
	for (const message of messages) {
		if (message.role === 'system') {
			converted.push({ role: 'system', content: textOf(message.content) });
		} else if (message.role === 'user') {
			converted.push({ role: 'user', content: userContent(message.content) });
		} else if (message.role === 'assistant') {
			const calls = message.content.filter(
				(part): part is Extract<MessageContent, { type: 'tool-call' }> => part.type === 'tool-call',
			);
			const text = textOf(message.content);
			const toolPlan = calls
				.map((call) => call.providerMetadata?.tool_plan)
				.find((plan): plan is string => typeof plan === 'string' && plan !== '');
			converted.push({
				role: 'assistant',
				...(text ? { content: text } : {}),
				...(calls.length
					? {
							tool_calls: calls.map((call, index) => ({
								id: call.toolCallId ?? `${call.toolName}_${index}`,
								type: 'function' as const,
								function: { name: call.toolName, arguments: call.input || '{}' },
							})),
						}
					: {}),
				...(toolPlan ? { tool_plan: toolPlan } : {}),
			});
		} else {
			for (const part of message.content) {
				if (part.type !== 'tool-result') continue;
				converted.push({
					role: 'tool',
					tool_call_id: part.toolCallId,
					content: asToolContent(part.result),
				});
			}
		}
	}
	return converted;
}

const FINISH_REASONS: Record<string, FinishReason> = {
	COMPLETE: 'stop',
	STOP_SEQUENCE: 'stop',
	MAX_TOKENS: 'length',
	TOOL_CALL: 'tool-calls',
	ERROR: 'error',
	TIMEOUT: 'error',
};

export function finishReason(reason: string | undefined): FinishReason {
	return (reason && FINISH_REASONS[reason]) || 'other';
}

/** Tokens as the model counted them, else as billed. */
export function tokenUsage(usage: CohereUsage | undefined): TokenUsage | undefined {
	const counted = usage?.tokens ?? usage?.billed_units;
	if (!counted) return undefined;
	const promptTokens = counted.input_tokens ?? 0;
	const completionTokens = counted.output_tokens ?? 0;
	return { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens };
}

/** Cohere's answer as the SDK's assistant message: reasoning, text, then tool calls with Cohere's ids. */
export function fromCohereMessage(response: CohereChatResponse): Message {
	const content: MessageContent[] = [];
	for (const part of response.message?.content ?? []) {
		if (part.type === 'thinking' && part.thinking)
			content.push({ type: 'reasoning', text: part.thinking });
		else if (part.type === 'text' && typeof part.text === 'string')
			content.push({ type: 'text', text: part.text });
	}
	const toolPlan = response.message?.tool_plan;
	for (const call of response.message?.tool_calls ?? []) {
		content.push({
			type: 'tool-call',
			toolCallId: call.id ?? '',
			toolName: call.function?.name ?? '',
			input: call.function?.arguments || '{}',
			...(toolPlan ? { providerMetadata: { tool_plan: toolPlan } } : {}),
		});
	}
	return { role: 'assistant', id: response.id, content };
}
