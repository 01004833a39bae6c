import type { IDataObject, IExecuteFunctions, ISupplyDataFunctions } from 'n8n-workflow';

import { chatOptions } from '../../descriptions/options';
import { compact } from '../../parameters/parameters';
import { cohereApiRequest, cohereRequest } from '../../transport';
import type { ChatResponse } from '../../transport/responses';
import type { RequestSettings } from '../../transport/settings';

/*
 * A Cohere chat request, once for every node that sends one (Chat, Cohere Batch, Classify, Summarize, the
 * Command Chat Model): the settings of the Options collection to a body, and the one sender of `POST /v2/chat`.
 * A new sampling option is defined in descriptions/options.ts and mapped here, nowhere else.
 */

/** The chat settings, under the names of the shared option definitions (n8n's AI SDK uses the same names). */
export interface ChatSettings {
	temperature?: number;
	maxTokens?: number;
	topP?: number;
	topK?: number;
	seed?: number;
	frequencyPenalty?: number;
	presencePenalty?: number;
	stopSequences?: string[] | string;
	safetyMode?: string;
	thinking?: string;
	thinkingTokenBudget?: number;
	priority?: number;
	logprobs?: boolean;
}

/** Stop sequences as a list without empty entries; undefined when none is left. */
function stopSequences(value: string[] | string | undefined): string[] | undefined {
	const list = (Array.isArray(value) ? value : value ? [value] : []).filter((s) => s !== '');
	return list.length ? list : undefined;
}

/** The settings a chat model takes, from a node's Options collection: the shared chat options and priority. */
export function chatSettings(options: IDataObject): ChatSettings {
	const names = [...Object.keys(chatOptions), 'priority', 'logprobs'];
	const settings = Object.fromEntries(
		Object.entries(options).filter(([name, value]) => names.includes(name) && value !== undefined),
	) as ChatSettings;
	const stop = stopSequences(settings.stopSequences);
	if (stop) settings.stopSequences = stop;
	else delete settings.stopSequences;
	return settings;
}

/**
 * The sampling settings under each API's names: Cohere's (v2 and v1 chat, generate, a batch record) or the
 * OpenAI-compatible ones.
 */
export function samplingOptions(
	options: ChatSettings | IDataObject,
	style: 'cohere' | 'openai',
): IDataObject {
	const settings = options as ChatSettings;
	const shared: IDataObject = {
		temperature: settings.temperature,
		max_tokens: settings.maxTokens,
		seed: settings.seed,
		frequency_penalty: settings.frequencyPenalty,
		presence_penalty: settings.presencePenalty,
	};
	const stop = stopSequences(settings.stopSequences);
	if (style === 'openai') return { ...shared, top_p: settings.topP, stop };
	return { ...shared, p: settings.topP, k: settings.topK, stop_sequences: stop };
}

/** "Response Format" as the node offers it. */
export type ResponseFormat = 'text' | 'json_object' | 'json_schema';

/** `response_format` in Cohere's form or the OpenAI-compatible one; the schema is read only when asked for. */
export function responseFormatBody(
	format: string,
	schema: () => IDataObject,
	style: 'cohere' | 'openai',
): IDataObject | undefined {
	if (format === 'json_object') return { type: 'json_object' };
	if (format !== 'json_schema') return undefined;
	return style === 'openai'
		? { type: 'json_schema', json_schema: { name: 'response', schema: schema() } }
		: { type: 'json_object', json_schema: schema() };
}

/** What a `/v2/chat` request holds besides the settings; the model is left out of a batch record. */
export interface ChatRequest {
	model?: string;
	messages: IDataObject[];
	documents?: Array<string | IDataObject>;
	citationMode?: string;
	responseFormat?: IDataObject;
	tools?: IDataObject[];
	toolChoice?: string;
	strictTools?: boolean;
}

/** The one builder of a `/v2/chat` body, for every node that sends one. */
export function chatBody(
	request: ChatRequest,
	options: ChatSettings | IDataObject = {},
): IDataObject {
	const settings = options as ChatSettings;
	const { thinking } = settings;
	const tools = request.tools?.length ? request.tools : undefined;
	return compact({
		model: request.model,
		messages: request.messages,
		documents: request.documents,
		citation_options:
			request.citationMode && request.citationMode !== 'default'
				? { mode: request.citationMode }
				: undefined,
		response_format: request.responseFormat,
		tools,
		tool_choice:
			tools && request.toolChoice && request.toolChoice !== 'auto'
				? request.toolChoice.toUpperCase()
				: undefined,
		strict_tools: tools && request.strictTools ? true : undefined,
		...samplingOptions(settings, 'cohere'),
		safety_mode: settings.safetyMode,
		thinking: thinking
			? compact({
					type: thinking,
					token_budget: thinking === 'enabled' ? settings.thinkingTokenBudget : undefined,
				})
			: undefined,
		priority: settings.priority,
		logprobs: settings.logprobs === true ? true : undefined,
	});
}

/** The body of an OpenAI-compatible `/chat/completions` request (Cohere's compatibility API or a gateway). */
export function compatibleChatBody(
	request: ChatRequest,
	options: ChatSettings | IDataObject = {},
): IDataObject {
	const tools = request.tools?.length ? request.tools : undefined;
	return compact({
		model: request.model,
		messages: request.messages,
		response_format: request.responseFormat,
		tools,
		tool_choice: tools && request.toolChoice !== 'auto' ? request.toolChoice : undefined,
		...samplingOptions(options, 'openai'),
	});
}

type ChatContext = IExecuteFunctions | ISupplyDataFunctions;

/** The one sender of `POST /v2/chat`. */
export async function sendChat(
	this: ChatContext,
	body: IDataObject,
	request: { itemIndex?: number; settings?: RequestSettings } = {},
): Promise<ChatResponse> {
	return await (cohereApiRequest<ChatResponse>).call(this, {
		method: 'POST',
		path: '/v2/chat',
		body,
		...request,
	});
}

/** `POST /v2/chat` with `stream: true`: the server-sent events, as bytes. */
export async function openChatStream(
	this: ChatContext,
	body: IDataObject,
	settings?: RequestSettings,
): Promise<AsyncIterableIterator<Uint8Array>> {
	const response = await cohereRequest.call(this, {
		method: 'POST',
		path: '/v2/chat',
		body: { ...body, stream: true },
		settings,
		stream: true,
	});
	return response.body as AsyncIterableIterator<Uint8Array>;
}
