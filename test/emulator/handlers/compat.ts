/* Cohere's OpenAI-compatible API: chat completions and embeddings, under each configured prefix. */
import { findModel } from '../models';
import { contentText } from './chat';
import type { EmulatorResponse, Json } from './common';
import { LIMITS, countTokens, fakeEmbedding, invalid, ok } from './common';
import { typedEmbedding } from './embed';

export function compatChat(body: Json): EmulatorResponse {
	if (typeof body.model !== 'string' || !body.model)
		throw invalid('a model parameter is required for this endpoint.');
	const messages = body.messages as Array<{ role: string; content: unknown }> | undefined;
	if (!Array.isArray(messages) || messages.length === 0)
		throw invalid('messages must not be empty.');
	const last = [...messages].reverse().find((m) => m.role === 'user');
	const parts = Array.isArray(last?.content) ? (last!.content as Array<{ type: string }>) : [];
	const attachments = parts.filter((p) => p.type !== 'text').map((p) => p.type);
	let content: string | null =
		`Answer to: ${contentText(last?.content)}${attachments.length ? ` (with ${attachments.join(', ')})` : ''}`;
	const formatType = (body.response_format as Json | undefined)?.type;
	if (formatType === 'json_object' || formatType === 'json_schema') {
		content = JSON.stringify({ answer: contentText(last?.content) });
	}
	const prompt = messages.reduce((s, m) => s + countTokens(contentText(m.content)), 0);
	const tools = body.tools as
		| Array<{ function?: { name: string; parameters?: unknown } }>
		| undefined;
	const message: Json = { role: 'assistant', content };
	let finishReason = 'stop';
	if (tools?.length && !messages.some((m) => m.role === 'tool')) {
		const name = tools[0].function?.name ?? 'tool';
		message.content = null;
		message.tool_calls = [
			{
				id: 'call_0',
				type: 'function',
				function: { name, arguments: JSON.stringify({ query: contentText(last?.content) }) },
			},
		];
		finishReason = 'tool_calls';
	}
	const completion = countTokens(content ?? '');
	return ok({
		id: 'chatcmpl-emulator',
		object: 'chat.completion',
		created: 1700000000,
		model: body.model,
		choices: [{ index: 0, message, finish_reason: finishReason }],
		usage: {
			prompt_tokens: prompt,
			completion_tokens: completion,
			total_tokens: prompt + completion,
		},
	});
}

export function compatEmbeddings(body: Json): EmulatorResponse {
	if (typeof body.model !== 'string' || !body.model)
		throw invalid('a model parameter is required for this endpoint.');
	const input =
		typeof body.input === 'string' ? [body.input] : (body.input as unknown[] | undefined);
	if (!Array.isArray(input) || input.length === 0) throw invalid('input must not be empty.');
	if (input.length > LIMITS.embedTexts)
		throw invalid(
			`input cannot have more than ${LIMITS.embedTexts} elements, but got ${input.length}.`,
		);
	const dims = Number(body.dimensions ?? findModel(body.model)?.dimensions ?? 1024);
	const data = input.map((text, index) => {
		const vector = fakeEmbedding(`${body.model}:${String(text)}`, dims);
		return {
			object: 'embedding',
			index,
			embedding: body.encoding_format === 'base64' ? typedEmbedding(vector, 'base64') : vector,
		};
	});
	const tokens = input.reduce<number>((s, t) => s + countTokens(String(t)), 0);
	return ok({
		object: 'list',
		data,
		model: body.model,
		usage: { prompt_tokens: tokens, total_tokens: tokens },
	});
}
