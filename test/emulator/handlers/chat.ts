/* Chat: POST /v2/chat (with tools, documents, JSON answers and its event stream), /v1/chat and /v1/generate. */
import { findModel } from '../models';
import type { EmulatorResponse, Json } from './common';
import {
	apiVersion,
	countTokens,
	invalid,
	ok,
	overlap,
	requireModel,
	seededNumbers,
	seededUuid,
} from './common';

/**
 * Arguments a model would give a tool: each required parameter (or a string tool's `input`) filled from the
 * prompt (a math expression in it for a text parameter, e.g. for n8n's Calculator), else `{ query: prompt }`.
 */
export function toolArguments(tool: { function?: { parameters?: unknown } }, prompt: string): Json {
	const schema = (tool.function?.parameters ?? {}) as {
		properties?: Record<string, { type?: string }>;
		required?: string[];
	};
	// LangChain's plain string tools (n8n's Calculator among them) take one optional `input`.
	const required = schema.required?.length
		? schema.required
		: schema.properties?.input
			? ['input']
			: [];
	if (required.length === 0) return { query: prompt };
	const math = /\d+(?:\.\d+)?(?:\s*[-+*\/^]\s*\d+(?:\.\d+)?)+/.exec(prompt)?.[0];
	return Object.fromEntries(
		required.map((name) => {
			const type = schema.properties?.[name]?.type;
			if (type === 'number' || type === 'integer') return [name, 1];
			if (type === 'boolean') return [name, true];
			return [name, math ?? prompt];
		}),
	);
}

/** A v2 chat answer as Cohere streams it: the events of `stream: true`, in Cohere's shapes. */
export function chatV2Events(response: Json): Array<{ event: string; data: Json }> {
	const message = response.message as Json;
	const events: Array<{ event: string; data: Json }> = [];
	const push = (data: Json) => events.push({ event: String(data.type), data });
	const pieces = (text: string) => text.match(/.{1,8}/gs) ?? [];
	push({
		type: 'message-start',
		id: response.id,
		delta: {
			// The spec's ChatMessageStartEventDeltaMessage has the role only.
			message: { role: 'assistant' },
		},
	});
	const content = (message.content as Json[] | undefined) ?? [];
	content.forEach((part, index) => {
		const kind = part.type === 'thinking' ? 'thinking' : 'text';
		push({
			type: 'content-start',
			index,
			delta: { message: { content: { type: kind, [kind]: '' } } },
		});
		for (const piece of pieces(String(part[kind] ?? '')))
			push({ type: 'content-delta', index, delta: { message: { content: { [kind]: piece } } } });
		push({ type: 'content-end', index });
	});
	if (message.tool_plan)
		for (const piece of pieces(String(message.tool_plan)))
			push({ type: 'tool-plan-delta', delta: { message: { tool_plan: piece } } });
	((message.tool_calls as Json[] | undefined) ?? []).forEach((call, index) => {
		const fn = call.function as Json;
		push({
			type: 'tool-call-start',
			index,
			delta: {
				message: {
					tool_calls: { id: call.id, type: 'function', function: { name: fn.name, arguments: '' } },
				},
			},
		});
		for (const piece of pieces(String(fn.arguments)))
			push({
				type: 'tool-call-delta',
				index,
				delta: { message: { tool_calls: { function: { arguments: piece } } } },
			});
		push({ type: 'tool-call-end', index });
	});
	push({
		type: 'message-end',
		delta: { finish_reason: response.finish_reason, usage: response.usage },
	});
	return events;
}

export type ContentPart = { type: string; text?: string; image_url?: { url: string } };
export const contentText = (content: unknown): string =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? (content as ContentPart[])
					.filter((p) => typeof p.text === 'string')
					.map((p) => p.text)
					.join(' ')
			: '';

export function chatV2(body: Json): EmulatorResponse {
	requireModel(body, 'chat');
	const messages = body.messages as
		| Array<{ role: string; content?: unknown; tool_call_id?: string }>
		| undefined;
	if (!Array.isArray(messages) || messages.length === 0)
		throw invalid('messages must not be empty.');
	for (const m of messages) {
		if (!['system', 'user', 'assistant', 'tool'].includes(m.role))
			throw invalid(`invalid role '${m.role}'.`);
		if (m.role === 'tool' && !m.tool_call_id)
			throw invalid('tool call id must be provided with tool message');
	}
	const lastUser = [...messages].reverse().find((m) => m.role === 'user');
	const prompt = contentText(lastUser?.content);
	const images = messages.flatMap((m) =>
		Array.isArray(m.content)
			? (m.content as ContentPart[]).filter((p) => p.type === 'image_url')
			: [],
	);
	const documents = (body.documents as unknown[] | undefined) ?? [];
	const format = body.response_format as { type?: string; json_schema?: Json } | undefined;
	const tools = body.tools as
		| Array<{ function?: { name: string; parameters?: unknown } }>
		| undefined;
	const inputTokens = messages.reduce((sum, m) => sum + countTokens(contentText(m.content)), 0);

	let text = `Answer to: ${prompt}`;
	if (images.length) text += ` (saw ${images.length} image${images.length > 1 ? 's' : ''})`;
	const message: Json = { role: 'assistant' };
	let finishReason = 'COMPLETE';
	const last = messages[messages.length - 1];
	if (tools?.length && !messages.some((m) => m.role === 'tool')) {
		const name = tools[0].function?.name ?? 'tool';
		message.tool_plan = `I will call ${name}.`;
		message.tool_calls = [
			{
				id: `${name}_0`,
				type: 'function',
				function: { name, arguments: JSON.stringify(toolArguments(tools[0], prompt)) },
			},
		];
		finishReason = 'TOOL_CALL';
	} else {
		if (last.role === 'tool') {
			// The final answer uses what the tools said, so a test can see the results came back.
			const results = messages
				.slice(messages.map((m) => m.role).lastIndexOf('assistant') + 1)
				.filter((m) => m.role === 'tool')
				.map((m) => `${m.tool_call_id}: ${contentText(m.content) || JSON.stringify(m.content)}`);
			text += ` (tool results: ${results.join('; ')})`;
		}
		const labels = (
			format?.json_schema as { properties?: { label?: { enum?: string[] } } } | undefined
		)?.properties?.label?.enum;
		if (format?.type === 'json_object' && labels) {
			// A classifier: the label whose few-shot examples ("- text => label" lines) share most words with the text.
			const system = contentText(messages.find((m) => m.role === 'system')?.content);
			const examples = [...system.matchAll(/^- (.*) => (.*)$/gm)].map((m) => ({
				text: m[1],
				label: m[2].trim(),
			}));
			const score = (label: string) =>
				examples
					.filter((e) => e.label === label)
					.reduce((sum, e) => sum + overlap(prompt, e.text), 0);
			text = JSON.stringify({ label: [...labels].sort((a, b) => score(b) - score(a))[0] });
		} else if (format?.type === 'json_object') {
			// A prompt containing INVALID_JSON makes the model break the requested format.
			text = prompt.includes('INVALID_JSON')
				? 'Sure! Here is the data you asked for.'
				: JSON.stringify({ answer: prompt, length: prompt.length });
		}
		const thinking = body.thinking as { type?: string } | undefined;
		const content: Json[] = [];
		if (thinking?.type === 'enabled' && findModel(body.model)?.features?.includes('reasoning')) {
			content.push({ type: 'thinking', thinking: `Thinking about: ${prompt}` });
		}
		content.push({ type: 'text', text });
		message.content = content;
		if (
			documents.length &&
			body.citation_options !== undefined &&
			(body.citation_options as Json).mode === 'OFF'
		) {
			// no citations
		} else if (documents.length) {
			message.citations = documents.slice(0, 2).map((doc, i) => ({
				start: 0,
				end: Math.min(text.length, 9),
				text: text.slice(0, 9),
				sources: [
					{
						type: 'document',
						id: typeof doc === 'object' && doc && 'id' in doc ? (doc as Json).id : `doc:${i}`,
						document: typeof doc === 'string' ? { snippet: doc } : (doc as Json).data,
					},
				],
				type: 'TEXT_CONTENT',
			}));
		}
	}
	const outputTokens = countTokens(text);
	return ok({
		id: `chat-${seededNumbers(JSON.stringify(body), 1)[0].toString(36).slice(2, 10)}`,
		finish_reason: finishReason,
		message,
		usage: {
			billed_units: { input_tokens: inputTokens, output_tokens: outputTokens },
			tokens: { input_tokens: inputTokens + 10, output_tokens: outputTokens },
		},
	});
}

export function chatV1(body: Json): EmulatorResponse {
	if (typeof body.message !== 'string' || body.message.trim() === '')
		throw invalid("required 'message' param is missing or empty.");
	if (body.model !== undefined) requireModel(body, 'chat');
	const text = `Answer to: ${body.message}`;
	return ok({
		response_id: seededUuid(`response:${String(body.message)}`),
		text,
		generation_id: seededUuid(`generation:${String(body.message)}`),
		chat_history: [
			...((body.chat_history as unknown[]) ?? []),
			{ role: 'USER', message: body.message },
			{ role: 'CHATBOT', message: text },
		],
		finish_reason: 'COMPLETE',
		meta: {
			api_version: apiVersion('1'),
			billed_units: { input_tokens: countTokens(body.message), output_tokens: countTokens(text) },
		},
	});
}

export function generate(body: Json): EmulatorResponse {
	if (typeof body.prompt !== 'string' || body.prompt === '')
		throw invalid("required 'prompt' param is missing or empty.");
	if (body.model !== undefined) requireModel(body, 'generate');
	const n = Number(body.num_generations ?? 1);
	if (n < 1 || n > 5) throw invalid('num_generations must be between 1 and 5.');
	return ok({
		id: 'generate-emulator',
		prompt: body.prompt,
		generations: Array.from({ length: n }, (_, index) => ({
			id: `gen-${index}`,
			index,
			text: ` Continuation ${index + 1} of: ${body.prompt}`,
		})),
		meta: {
			api_version: apiVersion('1'),
			billed_units: { input_tokens: countTokens(body.prompt), output_tokens: 12 * n },
		},
	});
}
