/* Deterministic answers for every Cohere endpoint our nodes call. Shapes follow cohere-openapi.yaml. */
import { createHash } from 'node:crypto';

import type { AvroCodec } from './avro';
import samples from './connector-samples.json';
import { findModel, MODELS, publicModel } from './models';

export type Json = Record<string, unknown>;

export interface EmulatorRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	/** Every value of repeated query parameters (keep_fields=a&keep_fields=b). */
	queryAll?: Record<string, string[]>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

export interface EmulatorResponse {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
	/** Server-sent events instead of a JSON body (`stream: true`). */
	events?: Array<{ event: string; data: Json }>;
	/** The documented connector sample this answer replays as it is written (not always Cohere's shape). */
	sample?: string;
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

const invalid = (message: string) => new ApiError(400, `invalid request: ${message}`);
const ok = (body: unknown, headers?: Record<string, string>): EmulatorResponse => ({
	status: 200,
	body,
	headers,
});

export const LIMITS = {
	embedTexts: 96,
	classifyInputs: 96,
	tokenizeChars: 65536,
	rerankDocuments: 1000,
};

/** Same input, same numbers: xorshift32 seeded from a SHA-256 of the text (cheap enough for 10,000 texts). */
export function seededNumbers(seed: string, count: number): number[] {
	let state = createHash('sha256').update(seed).digest().readUInt32BE(0) || 1;
	const values: number[] = new Array(count);
	for (let i = 0; i < count; i++) {
		state ^= state << 13;
		state ^= state >>> 17;
		state ^= state << 5;
		values[i] = (state >>> 0) / 4294967295;
	}
	return values;
}

/** A UUID (v4 layout) derived from a seed: Cohere's ids are UUIDs, and the emulator's stay repeatable. */
export function seededUuid(seed: string): string {
	const hex = createHash('sha256').update(seed).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const tokenVectors = new Map<string, number[]>();

/**
 * A bag-of-words embedding: the normalized sum of a fixed random vector per word. Texts that share words are
 * close, so classifiers and searches built on these embeddings can be checked for correctness, not only shape.
 */
export function fakeEmbedding(text: string, dimensions: number): number[] {
	const tokens = text.toLowerCase().match(/[a-z0-9]+/g) ?? [text];
	const sum = new Array<number>(dimensions).fill(0);
	for (const token of tokens) {
		const key = `${dimensions}:${token}`;
		let vector = tokenVectors.get(key);
		if (!vector) {
			vector = seededNumbers(token, dimensions).map((v) => v * 2 - 1);
			tokenVectors.set(key, vector);
		}
		for (let i = 0; i < dimensions; i++) sum[i] += vector[i];
	}
	const norm = Math.sqrt(sum.reduce((total, v) => total + v * v, 0)) || 1;
	return sum.map((v) => Math.round((v / norm) * 1000) / 1000 + 0);
}

const words = (text: string) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
const countTokens = (text: string) => Math.max(1, Math.ceil(words(text).length * 1.3));
const apiVersion = (version = '2') => ({ version, is_deprecated: false, is_experimental: false });
const sameJson = (a: unknown, b: unknown) => canonical(a) === canonical(b);
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value as Json)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical((value as Json)[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value);
}
const overlap = (a: string, b: string) => {
	const left = new Set(words(a));
	const right = words(b);
	return (
		right.filter((w) => left.has(w)).length /
		Math.max(1, Math.sqrt(left.size * Math.max(1, right.length)))
	);
};

/** The documented samples: their exact request yields their exact response. */
interface SampleRoute {
	/** The sample's title in the connector reference. */
	title: string;
	method: string;
	path: string;
	matches: (req: EmulatorRequest) => boolean;
	response: EmulatorResponse;
}
const sample = (title: string) => {
	const found = (samples as Array<{ title: string; input: Json; output: Json }>).find(
		(s) => s.title === title,
	);
	if (!found) throw new Error(`sample ${title} missing`);
	return found;
};
const bodySample = (method: string, paths: string[], title: string): SampleRoute[] =>
	paths.map((path) => ({
		title,
		method,
		path,
		matches: (req) => sameJson(req.body, sample(title).input.body),
		response: ok(sample(title).output),
	}));
const rawHttp = sample('Raw HTTP request (advanced)');
const listModelsSample = sample('List Models');
const dropdownSample = sample('List Models (DDL)');
/** The DDL sample's models, as the page of `GET /v1/models` that Cohere would answer for its query. */
const dropdownSamplePage = {
	models: (dropdownSample.output.result as Array<{ text: string; value: string }>).map(
		({ value }) => ({ name: value, endpoints: ['chat'], finetuned: false, context_length: 4096 }),
	),
	next_page_token: 'next_page_token_124',
};
const SAMPLE_ROUTES: SampleRoute[] = [
	...bodySample('POST', ['/v1/chat'], 'Generate Chat (Beta)'),
	...bodySample('POST', ['/v1/classify'], 'Generate Classification'),
	...bodySample('POST', ['/v1/detokenize'], 'Generate Detokenized Text'),
	...bodySample('POST', ['/v1/generate'], 'Generate Text'),
	...bodySample('POST', ['/v1/embed', '/v2/embed'], 'Generate Text Embeddings'),
	...bodySample('POST', ['/v1/tokenize'], 'Generate Tokens'),
	...bodySample('POST', ['/v1/summarize'], 'Summarize Text'),
	{
		title: 'Raw HTTP request (advanced)',
		method: 'POST',
		path: '/v1/classify',
		matches: (req) => sameJson(req.body, (rawHttp.input.body as Json).raw),
		response: {
			status: (rawHttp.output as Json).status as number,
			body: (rawHttp.output as Json).body,
			headers: (rawHttp.output as Json).headers as Record<string, string>,
		},
	},
	{
		title: 'List Models',
		method: 'GET',
		path: '/v1/models',
		matches: (req) =>
			req.query.page_size === String(listModelsSample.input.page_size) &&
			req.query.page_token === listModelsSample.input.page_token &&
			req.query.endpoint === listModelsSample.input.endpoint,
		response: ok(listModelsSample.output),
	},
	{
		// The DDL sample's `endpoint` is the URL of the list (the Base URL's /v1/models), not a filter.
		title: 'List Models (DDL)',
		method: 'GET',
		path: '/v1/models',
		matches: (req) =>
			req.query.page_size === String(dropdownSample.input.page_size) &&
			req.query.page_token === dropdownSample.input.page_token &&
			req.query.endpoint === undefined,
		response: ok(dropdownSamplePage),
	},
];

function requireModel(body: Json, endpoint: string) {
	if (typeof body.model !== 'string' || body.model === '')
		throw invalid('a model parameter is required for this endpoint.');
	const model = findModel(body.model);
	if (!model) {
		throw new ApiError(
			404,
			`model '${body.model}' not found, make sure the correct model ID was used and that you have access to the model.`,
		);
	}
	if (!model.endpoints.includes(endpoint))
		throw invalid(`model '${body.model}' does not support the ${endpoint} endpoint.`);
	return model;
}

// ---------- models ----------
function listModels(req: EmulatorRequest, pageCap = 1000): EmulatorResponse {
	const asked = req.query.page_size === undefined ? 20 : Number(req.query.page_size);
	if (!Number.isInteger(asked) || asked < 1 || asked > 1000)
		throw invalid('page_size must be between 1 and 1000.');
	const pageSize = Math.min(asked, pageCap);
	let models = MODELS;
	if (req.query.endpoint) models = models.filter((m) => m.endpoints.includes(req.query.endpoint));
	if (req.query.default_only === 'true') {
		if (!req.query.endpoint) throw invalid('default_only is only valid when endpoint is provided.');
		models = models.filter((m) => m.default_endpoints.includes(req.query.endpoint));
	}
	let offset = 0;
	if (req.query.page_token) {
		const match = /^page-(\d+)$/.exec(req.query.page_token);
		if (!match) throw invalid('invalid page_token.');
		offset = Number(match[1]);
	}
	const page = models.slice(offset, offset + pageSize);
	const body: Json = { models: page.map(publicModel) };
	if (offset + pageSize < models.length) body.next_page_token = `page-${offset + pageSize}`;
	return ok(body);
}

function getModel(name: string): EmulatorResponse {
	const model = findModel(name);
	if (!model)
		throw new ApiError(
			404,
			`model '${name}' not found, make sure the correct model ID was used and that you have access to the model.`,
		);
	return ok(publicModel(model));
}

// ---------- chat ----------
/**
 * Arguments a model would give a tool: each required parameter (or a string tool's `input`) filled from the
 * prompt (a math expression in it for a text parameter, e.g. for n8n's Calculator), else `{ query: prompt }`.
 */
function toolArguments(tool: { function?: { parameters?: unknown } }, prompt: string): Json {
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
function chatV2Events(response: Json): Array<{ event: string; data: Json }> {
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

type ContentPart = { type: string; text?: string; image_url?: { url: string } };
const contentText = (content: unknown): string =>
	typeof content === 'string'
		? content
		: Array.isArray(content)
			? (content as ContentPart[])
					.filter((p) => typeof p.text === 'string')
					.map((p) => p.text)
					.join(' ')
			: '';

function chatV2(body: Json): EmulatorResponse {
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

function chatV1(body: Json): EmulatorResponse {
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

function generate(body: Json): EmulatorResponse {
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

// ---------- embed / rerank / classify ----------
const EMBEDDING_TYPES = ['float', 'int8', 'uint8', 'binary', 'ubinary', 'base64'];
function typedEmbedding(values: number[], type: string): unknown {
	if (type === 'float') return values;
	if (type === 'int8') return values.map((v) => Math.round(v * 127));
	if (type === 'uint8') return values.map((v) => Math.round((v + 1) * 127.5));
	if (type === 'binary' || type === 'ubinary') {
		const bytes: number[] = [];
		for (let i = 0; i < values.length; i += 8) {
			let byte = 0;
			for (let b = 0; b < 8; b++) byte = (byte << 1) | (values[i + b] > 0 ? 1 : 0);
			bytes.push(type === 'binary' ? byte - 128 : byte);
		}
		return bytes;
	}
	return Buffer.from(new Float32Array(values).buffer).toString('base64');
}

function embed(body: Json, version: 1 | 2): EmulatorResponse {
	const model = requireModel(body, 'embed');
	const texts = body.texts as unknown[] | undefined;
	const images = body.images as unknown[] | undefined;
	const inputs = body.inputs as unknown[] | undefined;
	const items = texts ?? images ?? inputs;
	if (!Array.isArray(items) || items.length === 0)
		throw invalid('one of texts, images or inputs must be provided.');
	if (items.length > LIMITS.embedTexts)
		throw invalid(
			`texts cannot have more than ${LIMITS.embedTexts} elements, but got ${items.length}.`,
		);
	if (texts?.some((t) => typeof t !== 'string' || t.trim() === ''))
		throw invalid('texts must not contain empty strings.');
	if (images && body.input_type !== 'image')
		throw invalid('images must be used with input_type=image');
	if (!body.input_type && !model.name.includes('v2.0'))
		throw invalid('input_type is required for embed models v3 and higher.');
	const dims = Number(body.output_dimension ?? model.dimensions ?? 1024);
	if (body.output_dimension !== undefined && !model.outputDimensions)
		throw invalid(`output_dimension is not supported by ${model.name}.`);
	if (body.output_dimension !== undefined && !model.outputDimensions?.includes(dims))
		throw invalid(`output_dimension must be one of ${model.outputDimensions?.join(', ')}.`);
	const types =
		(body.embedding_types as string[] | undefined) ?? (version === 2 ? ['float'] : undefined);
	if (types?.some((t) => !EMBEDDING_TYPES.includes(t)))
		throw invalid(`embedding_types must be a subset of ${EMBEDDING_TYPES.join(', ')}.`);
	const keyOf = (item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item));
	const vectors = items.map((item) => fakeEmbedding(`${model.name}:${keyOf(item)}`, dims));
	const inputTokens = items.reduce<number>(
		(sum, item) => sum + countTokens(keyOf(item).slice(0, 2000)),
		0,
	);
	const meta = {
		api_version: apiVersion(String(version)),
		billed_units: { input_tokens: inputTokens },
	};
	const id = `embed-${seededNumbers(items.map(keyOf).join('|'), 1)[0].toString(36).slice(2, 10)}`;
	if (!types)
		return ok({
			response_type: 'embeddings_floats',
			id,
			embeddings: vectors,
			texts: texts ?? [],
			meta,
		});
	const embeddings = Object.fromEntries(
		types.map((type) => [type, vectors.map((v) => typedEmbedding(v, type))]),
	);
	return ok({
		response_type: 'embeddings_by_type',
		id,
		embeddings,
		texts: texts ?? [],
		...(images
			? { images: images.map(() => ({ width: 1, height: 1, format: 'png', bit_depth: 8 })) }
			: {}),
		meta,
	});
}

function rerank(body: Json): EmulatorResponse {
	requireModel(body, 'rerank');
	if (typeof body.query !== 'string' || body.query.trim() === '')
		throw invalid("required 'query' param is missing or empty.");
	const documents = body.documents as unknown[] | undefined;
	if (!Array.isArray(documents) || documents.length === 0)
		throw invalid('documents must not be empty.');
	if (documents.length > LIMITS.rerankDocuments)
		throw invalid(
			`too many documents: ${documents.length}, the maximum is ${LIMITS.rerankDocuments}.`,
		);
	const texts = documents.map((d) =>
		typeof d === 'string' ? d : String((d as Json).text ?? JSON.stringify(d)),
	);
	const results = texts
		.map((text, index) => ({
			index,
			relevance_score:
				Math.round(
					(overlap(body.query as string, text) * 0.9 + seededNumbers(text, 1)[0] * 0.1) * 1e6,
				) / 1e6,
		}))
		.sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index)
		.slice(0, body.top_n === undefined ? undefined : Number(body.top_n));
	return ok({
		id: 'rerank-emulator',
		results,
		meta: { api_version: apiVersion('2'), billed_units: { search_units: 1 } },
	});
}

function classify(body: Json): EmulatorResponse {
	const inputs = body.inputs as unknown[] | undefined;
	if (!Array.isArray(inputs) || inputs.length === 0) throw invalid('inputs must not be empty.');
	if (inputs.length > LIMITS.classifyInputs)
		throw invalid(
			`inputs cannot have more than ${LIMITS.classifyInputs} elements, but got ${inputs.length}.`,
		);
	if (inputs.some((t) => typeof t !== 'string' || t.trim() === ''))
		throw invalid('inputs must not contain empty strings.');
	if (body.model !== undefined) requireModel(body, 'classify');
	const examples = (body.examples as Array<{ text: string; label: string }> | undefined) ?? [];
	const labels = [...new Set(examples.map((e) => e.label))].sort();
	if (labels.length < 2) throw invalid('examples must contain at least 2 different labels.');
	const short = labels.filter((label) => examples.filter((e) => e.label === label).length < 2);
	if (short.length)
		throw invalid(
			`each unique label must have at least 2 examples. Not enough examples for: ${short.join(', ')}`,
		);
	const classifications = (inputs as string[]).map((input, i) => {
		const scores = labels.map(
			(label) =>
				0.05 +
				examples.filter((e) => e.label === label).reduce((s, e) => s + overlap(input, e.text), 0),
		);
		const total = scores.reduce((a, b) => a + b, 0);
		const confidences = scores.map((s) => Math.round((s / total) * 1e4) / 1e4);
		const best = confidences.indexOf(Math.max(...confidences));
		return {
			id: `clf-${i + 1}`,
			input,
			prediction: labels[best],
			predictions: [labels[best]],
			confidence: confidences[best],
			confidences: [confidences[best]],
			labels: Object.fromEntries(labels.map((label, j) => [label, { confidence: confidences[j] }])),
			classification_type: 'single-label',
		};
	});
	return ok({
		id: 'classify-emulator',
		classifications,
		meta: { api_version: apiVersion('1'), billed_units: { classifications: inputs.length } },
	});
}

function summarize(body: Json): EmulatorResponse {
	if (typeof body.text !== 'string' || body.text.trim() === '')
		throw invalid("required 'text' param is missing or empty.");
	if (body.text.length < 250) throw invalid('text must be at least 250 characters.');
	if (
		body.length !== undefined &&
		!['short', 'medium', 'long', 'auto'].includes(body.length as string)
	)
		throw invalid("length must be one of 'short', 'medium', or 'long'.");
	if (
		body.format !== undefined &&
		!['paragraph', 'bullets', 'auto'].includes(body.format as string)
	)
		throw invalid("format must be one of 'paragraph', or 'bullets'.");
	if (body.model !== undefined) requireModel(body, 'summarize');
	const sentences = body.text.match(/[^.!?]+[.!?]/g) ?? [body.text];
	const count = body.length === 'long' ? 4 : body.length === 'medium' ? 3 : 2;
	const picked = sentences.slice(0, count).map((s) => s.trim());
	const summary =
		body.format === 'bullets' ? picked.map((s) => `- ${s}`).join('\n') : picked.join(' ');
	return ok({
		id: 'summarize-emulator',
		summary,
		meta: {
			api_version: apiVersion('1'),
			billed_units: { input_tokens: countTokens(body.text), output_tokens: countTokens(summary) },
		},
	});
}

// ---------- tokens ----------
const tokenPieces = (text: string) => text.match(/\s*\S+/g) ?? [];
function tokenize(body: Json): EmulatorResponse {
	if (typeof body.text !== 'string' || body.text === '')
		throw invalid("required 'text' param is missing or empty.");
	if (body.text.length > LIMITS.tokenizeChars)
		throw invalid(
			`text is too long: ${body.text.length} characters, the maximum is ${LIMITS.tokenizeChars}.`,
		);
	if (typeof body.model !== 'string' || !body.model)
		throw invalid('a model parameter is required for this endpoint.');
	if (!findModel(body.model))
		throw new ApiError(
			404,
			`model '${body.model}' not found, make sure the correct model ID was used and that you have access to the model.`,
		);
	const pieces = tokenPieces(body.text);
	return ok({
		tokens: pieces.map((p) => 1000 + Math.floor(seededNumbers(p, 1)[0] * 60000)),
		token_strings: pieces,
		meta: { api_version: apiVersion('1') },
	});
}

function detokenize(body: Json): EmulatorResponse {
	if (!Array.isArray(body.tokens) || body.tokens.length === 0)
		throw invalid('tokens must not be empty.');
	if (typeof body.model !== 'string' || !body.model)
		throw invalid('a model parameter is required for this endpoint.');
	return ok({
		text: (body.tokens as number[]).map((t) => `<${t}>`).join(''),
		meta: { api_version: apiVersion('1') },
	});
}

// ---------- datasets and embed jobs ----------
interface Dataset extends Json {
	id: string;
	name: string;
	dataset_type: string;
	validation_status: string;
	created_at: string;
}
interface EmbedJob extends Json {
	job_id: string;
	status: string;
}
export interface StoredDataset {
	dataset: Dataset;
	rows: Json[];
	/** Status reads left before a "processing" dataset is validated. */
	validationPolls: number;
}
export class JobStore {
	datasets = new Map<string, StoredDataset>();
	jobs = new Map<string, EmbedJob & { polls: number }>();
	/** How many status reads an embed job stays "processing" before it completes. */
	pollsUntilComplete = 2;
	/** How many reads a new dataset stays "processing" before it is validated. */
	pollsUntilValidated = 0;
	/** Jobs on datasets whose name contains this fail instead of completing. */
	failingName = 'fail-job';
	/**
	 * Rows of output parts, served at /__files/<id>.<format> like Cohere's signed download URLs: Avro object
	 * container files as Cohere serves them (its SDK reads parts with fastavro), or JSONL as some gateways do.
	 */
	files = new Map<string, object[]>();
	/** The format and the Avro codec of the output parts the next jobs write. */
	partFormat: 'avro' | 'jsonl' = 'avro';
	partCodec: AvroCodec = 'deflate';
	batches = new Map<string, StoredBatch>();
	/**
	 * How a batch's output records hold the answer. Public clients show two shapes: `body` (the response as
	 * an object, `error` '' when none: RubyLLM's Cohere batches) and `response` (JSON text of
	 * {status_code, body}, `error` JSON text or null: toponymy's Cohere batch transport).
	 */
	batchOutputShape: 'body' | 'response' = 'body';
	/** Batch records whose user message contains this fail, as a record Cohere could not answer. */
	failingRecordText = 'fail-record';
	/** Extra output records appended to the next completed batch (to test misaligned output). */
	extraBatchRecords: Json[] = [];
	/** custom_ids whose records the next completed batch leaves out. */
	droppedBatchRecords: string[] = [];
	private counter = 0;
	nextId(prefix: string) {
		this.counter++;
		return `${prefix}-${String(this.counter).padStart(4, '0')}`;
	}
}

const AUDIO_EXTENSIONS = ['flac', 'mp3', 'mpeg', 'mpga', 'ogg', 'wav'];
/** Cohere's limit for one audio file. */
const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

/**
 * POST /v2/audio/transcriptions (multipart: model, language, temperature, file). The "audio" the tests send
 * carries its words after a `SPEECH:` marker, which come back as the transcript; any other file gets a
 * transcript that names it, so that a test can tell which file was sent.
 */
function transcription(req: EmulatorRequest): EmulatorResponse {
	const form = (req.body ?? {}) as {
		fields?: Record<string, string>;
		files?: Record<string, UploadedFile & { bytes?: number }>;
	};
	const fields = form.fields ?? {};
	const file = form.files?.file;
	const model = findModel(fields.model);
	if (!fields.model) throw invalid('missing required field: model');
	if (!model)
		throw new ApiError(
			404,
			`model '${fields.model}' not found, make sure the correct model ID was used`,
		);
	if (!/transcribe/.test(model.name))
		throw invalid(`model '${model.name}' does not support audio transcription`);
	if (!fields.language) throw invalid('missing required field: language');
	if (!/^[a-z]{2}$/.test(fields.language))
		throw invalid(`invalid language '${fields.language}': use an ISO-639-1 code`);
	if (fields.temperature !== undefined) {
		const temperature = Number(fields.temperature);
		if (!(temperature >= 0 && temperature <= 1))
			throw invalid('temperature must be between 0 and 1');
	}
	if (!file) throw invalid('missing required field: file');
	const extension = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase();
	if (!extension || !AUDIO_EXTENSIONS.includes(extension))
		throw invalid(`unsupported file extension: supported are ${AUDIO_EXTENSIONS.join(', ')}`);
	const bytes = file.bytes ?? Buffer.byteLength(file.content);
	if (bytes === 0) throw invalid('the audio file is empty');
	if (bytes > MAX_AUDIO_BYTES) throw invalid('the audio file is larger than 25MB');
	const spoken = /SPEECH:(.*)$/s.exec(file.content)?.[1]?.trim();
	return ok({
		text: spoken ?? `Transcript of ${file.filename} (${bytes} bytes, ${fields.language})`,
	});
}

/** The file of a multipart/form-data upload, as the emulator server parsed it. */
export interface UploadedFile {
	filename: string;
	content: string;
}

function parseRows(
	file: UploadedFile,
	query: Record<string, string>,
): { rows: Json[]; errors: string[] } {
	const rows: Json[] = [];
	const errors: string[] = [];
	if (/\.csv$/i.test(file.filename)) {
		const delimiter = query.csv_delimiter || ',';
		const [header, ...lines] = file.content.split(/\r?\n/).filter((line) => line.trim() !== '');
		const columns = (header ?? '').split(delimiter).map((c) => c.trim());
		for (const line of lines)
			rows.push(
				Object.fromEntries(line.split(delimiter).map((value, i) => [columns[i], value.trim()])),
			);
	} else if (/\.txt$/i.test(file.filename)) {
		for (const text of file.content.split(query.text_separator || '\n'))
			if (text.trim()) rows.push({ text: text.trim() });
	} else {
		file.content.split(/\r?\n/).forEach((line, index) => {
			if (!line.trim()) return;
			try {
				rows.push(JSON.parse(line) as Json);
			} catch {
				errors.push(`line ${index + 1} is not valid JSON`);
			}
		});
	}
	rows.forEach((row, index) => {
		if (typeof row.text !== 'string' || !row.text.trim())
			errors.push(`row ${index + 1} has no "text" field`);
	});
	return { rows, errors };
}

function datasets(req: EmulatorRequest, store: JobStore): EmulatorResponse | undefined {
	const [, , , id, sub] = req.path.split('/');
	if (req.method === 'GET' && id === 'usage')
		return ok({ organization_usage: store.datasets.size * 1024 });
	if (req.method === 'POST' && !id) {
		const { name, type } = req.query;
		if (!name) throw invalid("required 'name' param is missing or empty.");
		if (!type) throw invalid("required 'type' param is missing or empty.");
		const file = (req.body as { files?: Record<string, UploadedFile> } | undefined)?.files?.data;
		if (!file) throw invalid("required 'data' file is missing.");
		const { rows, errors } = type.startsWith('batch-')
			? parseBatchRows(file, type)
			: parseRows(file, req.query);
		const skip = req.query.skip_malformed_input === 'true';
		const keep = ([] as string[]).concat(req.queryAll?.keep_fields ?? []);
		const missingKept = keep.filter((field) => rows.some((row) => !(field in row)));
		const failed = (errors.length > 0 && !skip) || missingKept.length > 0 || rows.length === 0;
		const dataset: Dataset = {
			id: store.nextId(name),
			name,
			dataset_type: type,
			validation_status:
				store.pollsUntilValidated > 0 ? 'processing' : failed ? 'failed' : 'validated',
			created_at: new Date(0).toISOString(),
			updated_at: new Date(0).toISOString(),
			...(failed
				? {
						validation_error: missingKept.length
							? `keep_fields missing from the file: ${missingKept.join(', ')}`
							: errors.length
								? errors[0]
								: 'the file has no rows',
					}
				: {}),
			validation_warnings: skip ? errors : [],
		};
		const kept = type.startsWith('batch-')
			? rows
			: rows.filter((row) => typeof row.text === 'string' && row.text.trim());
		store.datasets.set(dataset.id, {
			dataset,
			rows: kept,
			validationPolls: store.pollsUntilValidated,
		});
		(dataset as Json).final_status = failed ? 'failed' : 'validated';
		return ok({ id: dataset.id });
	}
	if (req.method === 'GET' && !id) {
		// Cohere's filters and paging: datasetType, validationStatus, offset and limit (numbers).
		const { datasetType, validationStatus, limit, offset } = req.query;
		for (const [name, value] of Object.entries({ limit, offset }))
			if (value !== undefined && !(Number(value) >= 0 && Number.isInteger(Number(value))))
				throw invalid(`${name} must be a non-negative integer.`);
		const all = [...store.datasets.values()]
			.map(({ dataset }) => dataset)
			.filter((dataset) => !datasetType || dataset.dataset_type === datasetType)
			.filter((dataset) => !validationStatus || dataset.validation_status === validationStatus);
		const start = Number(offset ?? 0);
		const page = all.slice(start, limit === undefined ? undefined : start + Number(limit));
		return ok({ datasets: page.map(publicDataset) });
	}
	if (id && !sub) {
		const stored = store.datasets.get(id);
		if (!stored) throw new ApiError(404, `dataset with id ${id} not found`);
		if (req.method === 'GET') {
			if (stored.dataset.validation_status === 'processing' && --stored.validationPolls <= 0) {
				stored.dataset.validation_status = stored.dataset.final_status as string;
			}
			return ok({ dataset: publicDataset(stored.dataset) });
		}
		if (req.method === 'DELETE') {
			store.datasets.delete(id);
			return ok({});
		}
	}
	return undefined;
}

function publicDataset({ final_status: _final, ...dataset }: Dataset): Json {
	return dataset;
}

function embedJobs(req: EmulatorRequest, store: JobStore): EmulatorResponse | undefined {
	const [, , , id, action] = req.path.split('/');
	const body = (req.body ?? {}) as Json;
	if (req.method === 'POST' && !id) {
		const model = requireModel(body, 'embed');
		const input =
			typeof body.dataset_id === 'string' ? store.datasets.get(body.dataset_id) : undefined;
		if (!input) throw new ApiError(404, `dataset with id ${String(body.dataset_id)} not found`);
		if (input.dataset.validation_status !== 'validated')
			throw invalid(
				`dataset ${input.dataset.id} is not validated (status: ${input.dataset.validation_status}).`,
			);
		if (!body.input_type) throw invalid('input_type is required for embed models v3 and higher.');
		const job_id = store.nextId('job');
		store.jobs.set(job_id, {
			job_id,
			name: (body.name as string) ?? job_id,
			status: 'processing',
			created_at: new Date(0).toISOString(),
			input_dataset_id: body.dataset_id,
			model: model.name,
			truncate: (body.truncate as string) ?? 'END',
			embedding_types: (body.embedding_types as string[]) ?? ['float'],
			polls: 0,
		});
		return ok({ job_id, meta: { api_version: apiVersion('1') } });
	}
	const view = ({ polls: _polls, embedding_types: _types, ...job }: EmbedJob & { polls: number }) =>
		job;
	if (req.method === 'GET' && !id) return ok({ embed_jobs: [...store.jobs.values()].map(view) });
	if (id) {
		const job = store.jobs.get(id);
		if (!job) throw new ApiError(404, `embed job with id ${id} not found`);
		if (req.method === 'GET' && !action) {
			job.polls++;
			if (job.status === 'processing' && job.polls > store.pollsUntilComplete)
				finishJob(req, store, job);
			return ok(view(job));
		}
		if (req.method === 'POST' && action === 'cancel') {
			if (job.status === 'processing') job.status = 'cancelled';
			return ok({});
		}
	}
	return undefined;
}

/**
 * An output dataset of one part, served at /__files/<part>.<format> like Cohere's signed download links
 * (Avro or JSONL, as the store says), the way embed jobs and batches leave their results.
 */
function storeOutputDataset(
	req: EmulatorRequest,
	store: JobStore,
	output: { id: string; name: string; type: string; rows: Json[] },
) {
	const partId = `${output.id}-part-0`;
	store.files.set(partId, output.rows);
	const extension = store.partFormat === 'avro' ? 'avro' : 'jsonl';
	const host = String(req.headers.host ?? '127.0.0.1');
	const dataset: Dataset = {
		id: output.id,
		name: output.name,
		dataset_type: output.type,
		validation_status: 'validated',
		created_at: new Date(0).toISOString(),
		updated_at: new Date(0).toISOString(),
		dataset_parts: [
			{
				id: partId,
				name: `${partId}.${extension}`,
				url: `http://${host}/__files/${partId}.${extension}`,
				index: 0,
				num_rows: output.rows.length,
			},
		],
	};
	store.datasets.set(output.id, { dataset, rows: output.rows, validationPolls: 0 });
}

/** Completes a job: an embed-result dataset with one JSONL part of {text, embeddings} rows. */
function finishJob(req: EmulatorRequest, store: JobStore, job: EmbedJob & { polls: number }) {
	const input = store.datasets.get(job.input_dataset_id as string)!;
	if (input.dataset.name.includes(store.failingName)) {
		// Cohere's EmbedJob has no field for the reason: a failed job says only that it failed.
		job.status = 'failed';
		return;
	}
	const outputId = store.nextId('embeddings');
	const types = job.embedding_types as string[];
	const rows = input.rows.map((row) => ({
		...row,
		embeddings: Object.fromEntries(
			types.map((type) => [
				type,
				typedEmbedding(
					fakeEmbedding(`${job.model}:${row.text}`, findModel(job.model)?.dimensions ?? 1024),
					type,
				),
			]),
		),
	}));
	storeOutputDataset(req, store, {
		id: outputId,
		name: `${job.name}-output`,
		type: 'embed-result',
		rows,
	});
	job.status = 'complete';
	job.output_dataset_id = outputId;
}

// ---------- batches ----------
const BATCH_INPUT_TYPES = [
	'batch-chat-v2-input',
	'batch-embed-v2-input',
	'batch-openai-chat-input',
];
const FINAL_BATCH_STATUSES = [
	'BATCH_STATUS_COMPLETED',
	'BATCH_STATUS_FAILED',
	'BATCH_STATUS_CANCELED',
];

export interface StoredBatch {
	batch: Json & { id: string; status: string };
	polls: number;
}

/**
 * The rows of a batch input dataset: JSONL of {custom_id, body}. Each row needs a custom_id (kept with
 * keep_fields=custom_id), unique, and a body for its endpoint: chat v2 messages, or embed texts (embed batch
 * records reject output_dimension, as public batch clients found).
 */
function parseBatchRows(file: UploadedFile, type: string): { rows: Json[]; errors: string[] } {
	const rows: Json[] = [];
	const errors: string[] = [];
	const ids = new Set<string>();
	file.content.split(/\r?\n/).forEach((line, index) => {
		if (!line.trim()) return;
		let row: Json;
		try {
			row = JSON.parse(line) as Json;
		} catch {
			errors.push(`line ${index + 1} is not valid JSON`);
			return;
		}
		rows.push(row);
		const where = `line ${index + 1}`;
		if (typeof row.custom_id !== 'string' || !row.custom_id)
			errors.push(`${where} has no custom_id`);
		else if (ids.has(row.custom_id)) errors.push(`${where} repeats custom_id ${row.custom_id}`);
		else ids.add(row.custom_id);
		const body = row.body as Json | undefined;
		if (!body || typeof body !== 'object' || Array.isArray(body)) {
			errors.push(`${where} has no body object`);
			return;
		}
		if ('model' in body) errors.push(`${where}: the model is set on the batch, not in its records`);
		if (type === 'batch-chat-v2-input' && (!Array.isArray(body.messages) || !body.messages.length))
			errors.push(`${where}: body.messages must not be empty`);
		if (type === 'batch-embed-v2-input') {
			if (!Array.isArray(body.texts) || !body.texts.length)
				errors.push(`${where}: body.texts must not be empty`);
			if ('output_dimension' in body)
				errors.push(`${where}: output_dimension is not supported in batch records`);
		}
	});
	return { rows, errors };
}

function batchView({ batch }: StoredBatch): Json {
	return batch;
}

function batches(req: EmulatorRequest, store: JobStore): EmulatorResponse | undefined {
	const rest = req.path.slice('/v2/batches'.length).replace(/^\//, '');
	const [id, action] = rest ? decodeURIComponent(rest).split(':') : [undefined, undefined];
	const body = (req.body ?? {}) as Json;
	if (req.method === 'POST' && !id) {
		for (const field of ['name', 'input_dataset_id', 'model'])
			if (typeof body[field] !== 'string' || !body[field]) throw invalid(`${field} is required`);
		const input = store.datasets.get(body.input_dataset_id as string);
		if (!input) throw new ApiError(404, `dataset ${String(body.input_dataset_id)} not found`);
		const type = input.dataset.dataset_type;
		if (!BATCH_INPUT_TYPES.includes(type))
			throw invalid(`dataset ${input.dataset.id} of type ${type} cannot be used for a batch`);
		if (input.dataset.validation_status !== 'validated')
			throw invalid(`dataset ${input.dataset.id} is not validated`);
		requireModel(body, type === 'batch-embed-v2-input' ? 'embed' : 'chat');
		const now = new Date(0).toISOString();
		const stored: StoredBatch = {
			batch: {
				id: `batch-${store.nextId('b')}`,
				name: body.name as string,
				creator_id: 'owner-emulator',
				org_id: 'org-emulator',
				status: 'BATCH_STATUS_QUEUED',
				created_at: now,
				updated_at: now,
				input_dataset_id: input.dataset.id,
				input_tokens: '0',
				output_tokens: '0',
				model: body.model as string,
				num_records: input.rows.length,
				num_successful_records: 0,
				num_failed_records: 0,
			},
			polls: 0,
		};
		store.batches.set(stored.batch.id, stored);
		return ok({ batch: batchView(stored) });
	}
	if (req.method === 'GET' && !id) {
		const { page_size, page_token, order_by } = req.query;
		if (page_size !== undefined && !(Number.isInteger(Number(page_size)) && Number(page_size) >= 0))
			throw invalid('page_size must be an integer');
		if (order_by !== undefined && !['created_at', 'updated_at'].includes(order_by))
			throw invalid('order_by must be created_at or updated_at');
		const size = Math.min(Number(page_size) || 50, 1000);
		const start = page_token ? Number(page_token) : 0;
		if (!Number.isInteger(start) || start < 0) throw invalid('invalid page_token');
		// Newest first: the emulator's IDs grow with time.
		const all = [...store.batches.values()].reverse();
		const page = all.slice(start, start + size);
		return ok({
			batches: page.map(batchView),
			...(start + size < all.length ? { next_page_token: String(start + size) } : {}),
		});
	}
	if (!id) return undefined;
	const stored = store.batches.get(id);
	if (!stored) throw new ApiError(404, `batch ${id} not found`);
	const { batch } = stored;
	if (req.method === 'GET' && action === undefined) {
		stored.polls++;
		if (batch.status === 'BATCH_STATUS_CANCELING') batch.status = 'BATCH_STATUS_CANCELED';
		else if (batch.status === 'BATCH_STATUS_QUEUED') batch.status = 'BATCH_STATUS_IN_PROGRESS';
		else if (batch.status === 'BATCH_STATUS_IN_PROGRESS' && stored.polls > store.pollsUntilComplete)
			finishBatch(req, store, stored);
		return ok({ batch: batchView(stored) });
	}
	if (req.method === 'POST' && action === 'cancel') {
		if (!FINAL_BATCH_STATUSES.includes(batch.status)) batch.status = 'BATCH_STATUS_CANCELING';
		return ok({});
	}
	return undefined;
}

/** Runs every record through the endpoint's own handler and writes the output dataset (one Avro part). */
function finishBatch(req: EmulatorRequest, store: JobStore, stored: StoredBatch) {
	const { batch } = stored;
	const input = store.datasets.get(batch.input_dataset_id as string)!;
	if (input.dataset.name.includes(store.failingName)) {
		batch.status = 'BATCH_STATUS_FAILED';
		batch.status_reason = 'the batch could not be processed';
		return;
	}
	const embeds = input.dataset.dataset_type === 'batch-embed-v2-input';
	let succeeded = 0;
	let inputTokens = 0;
	let outputTokens = 0;
	const records: Json[] = [];
	for (const row of input.rows) {
		const customId = row.custom_id as string;
		if (store.droppedBatchRecords.includes(customId)) continue;
		const requestBody = { ...(row.body as Json), model: batch.model };
		let response: Json | undefined;
		let error: string | undefined;
		try {
			if (JSON.stringify(requestBody).includes(store.failingRecordText))
				throw invalid('the record could not be processed');
			response = (embeds ? embed(requestBody, 2) : chatV2(requestBody)).body as Json;
		} catch (failure) {
			if (!(failure instanceof ApiError)) throw failure;
			error = failure.message;
		}
		if (response) {
			succeeded++;
			const usage = (response.usage ?? (response.meta as Json | undefined)) as Json | undefined;
			const billed = (usage?.billed_units ?? {}) as Json;
			inputTokens += Number(billed.input_tokens ?? 0);
			outputTokens += Number(billed.output_tokens ?? 0);
		}
		records.push(
			store.batchOutputShape === 'body'
				? { custom_id: customId, body: response ?? null, error: error ?? '' }
				: {
						custom_id: customId,
						response: response ? JSON.stringify({ status_code: 200, body: response }) : null,
						error: error ? JSON.stringify({ message: error }) : null,
					},
		);
	}
	records.push(...store.extraBatchRecords);
	const outputId = store.nextId(`${batch.name}-output`);
	storeOutputDataset(req, store, {
		id: outputId,
		name: `${batch.name}-output`,
		// The spec's DatasetType has no type for a batch's output (see test/contract/README.md).
		type: input.dataset.dataset_type,
		rows: records,
	});
	Object.assign(batch, {
		status: 'BATCH_STATUS_COMPLETED',
		output_dataset_id: outputId,
		num_successful_records: succeeded,
		num_failed_records: input.rows.length - succeeded,
		input_tokens: String(inputTokens),
		output_tokens: String(outputTokens),
	});
}

// ---------- OpenAI-compatible ----------
function compatChat(body: Json): EmulatorResponse {
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

function compatEmbeddings(body: Json): EmulatorResponse {
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

export interface RouteContext {
	store: JobStore;
	compatPrefixes: string[];
	/** Serve at most this many models per page, whatever page_size asks (as some gateways do). */
	modelsPageCap?: number;
}

/** Finds the answer for one authenticated request; `undefined` means 404 page not found. */
export function route(req: EmulatorRequest, ctx: RouteContext): EmulatorResponse | undefined {
	const sampleRoute = SAMPLE_ROUTES.find(
		(r) => r.method === req.method && r.path === req.path && r.matches(req),
	);
	if (sampleRoute) return { ...sampleRoute.response, sample: sampleRoute.title };

	const body = (req.body ?? {}) as Json;
	const key = `${req.method} ${req.path}`;
	if (key === 'GET /v1/models') return listModels(req, ctx.modelsPageCap);
	if (req.method === 'GET' && req.path.startsWith('/v1/models/'))
		return getModel(decodeURIComponent(req.path.slice('/v1/models/'.length)));
	if (key === 'POST /v1/check-api-key')
		return ok({ valid: true, organization_id: 'org-emulator', owner_id: 'owner-emulator' });
	if (key === 'POST /v2/chat') {
		const response = chatV2(body);
		return body.stream === true
			? { ...response, events: chatV2Events(response.body as Json) }
			: response;
	}
	if (key === 'POST /v1/chat') return chatV1(body);
	if (key === 'POST /v1/generate') return generate(body);
	if (key === 'POST /v2/embed') return embed(body, 2);
	if (key === 'POST /v1/embed') return embed(body, 1);
	if (key === 'POST /v2/rerank' || key === 'POST /v1/rerank') return rerank(body);
	if (key === 'POST /v1/classify') return classify(body);
	if (key === 'POST /v1/summarize') return summarize(body);
	if (key === 'POST /v1/tokenize') return tokenize(body);
	if (key === 'POST /v1/detokenize') return detokenize(body);
	if (key === 'POST /v2/audio/transcriptions') return transcription(req);
	if (req.path.startsWith('/v1/datasets')) return datasets(req, ctx.store);
	if (req.path.startsWith('/v1/embed-jobs')) return embedJobs(req, ctx.store);
	if (req.path === '/v2/batches' || req.path.startsWith('/v2/batches/'))
		return batches(req, ctx.store);
	for (const prefix of ctx.compatPrefixes) {
		if (key === `POST ${prefix}/chat/completions`) return compatChat(body);
		if (key === `POST ${prefix}/embeddings`) return compatEmbeddings(body);
		if (key === `POST ${prefix}/audio/transcriptions`) return transcription(req);
	}
	return undefined;
}
