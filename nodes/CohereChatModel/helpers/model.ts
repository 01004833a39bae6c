import type {
	ChatModel,
	ChatModelConfig,
	GenerateResult,
	Message,
	StreamChunk,
	Tool,
	TokenUsage,
} from '@n8n/ai-node-sdk';
import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import type { ChatSettings } from '../../shared/cohere/chat';
import { chatBody } from '../../shared/cohere/chat';
import type { AiNodeSdk } from '../../shared/run/aiNodeSdk';

import type { CohereChatResponse, CohereUsage } from './messages';
import { finishReason, fromCohereMessage, tokenUsage, toCohereMessages } from './messages';
import { isZodSchema, zodToJsonSchema } from './toolSchema';

/** The SDK's sampling settings and Cohere's own (safety mode, reasoning, priority), as the chat module reads them. */
export type CohereChatModelConfig = ChatModelConfig & ChatSettings;

/**
 * How the model reaches Cohere: our transport (Base URL, key confinement, retries with Retry-After,
 * plain-words errors), bound to the sub-node's context by the node.
 */
export interface CohereChatTransport {
	send(body: IDataObject): Promise<CohereChatResponse>;
	/** The response body of a `stream: true` request, as bytes. */
	openStream(body: IDataObject): Promise<AsyncIterableIterator<Uint8Array>>;
}

/** Cohere's SSE events for `/v2/chat`, as far as the model reads them. */
interface StreamEvent {
	type?: string;
	index?: number;
	delta?: {
		message?: {
			content?: { text?: string; thinking?: string };
			tool_plan?: string;
			tool_calls?: { id?: string; function?: { name?: string; arguments?: string } };
		};
		finish_reason?: string;
		usage?: CohereUsage;
	};
}

/**
 * A tool's parameters as JSON Schema. SDKs up to at least 0.20.3 (n8n 2.30) convert only zod schemas made with
 * their own zod copy and hand any other back as it is, such as those of n8n's own tools (the Calculator's comes
 * from LangChain's copy), which would reach Cohere as a tool without parameters: those are converted here.
 */
function toolParameters(sdk: AiNodeSdk, tool: Extract<Tool, { type: 'function' }>): IDataObject {
	const schema = sdk.getParametersJsonSchema(tool) as unknown;
	if (schema === undefined || schema === null) return { type: 'object', properties: {} };
	if (!isZodSchema(schema)) return schema as IDataObject;
	// zod 4 schemas convert themselves; zod 3 ones are read from their definition.
	if (typeof schema.toJSONSchema === 'function') return schema.toJSONSchema();
	return zodToJsonSchema(schema);
}

/**
 * Cohere's chat models for n8n's AI nodes (AI Agent, chains), over `POST /v2/chat`, on the SDK the running n8n
 * provides: the class extends that SDK's `BaseChatModel`, so it is made when the sub-node runs (never at load
 * time, when an n8n without the SDK would fail on it), once per SDK.
 */
function defineCohereChatModel(sdk: AiNodeSdk) {
	const { BaseChatModel, parseSSEStream } = sdk;
	return class CohereChatModel extends BaseChatModel<CohereChatModelConfig> {
		constructor(
			modelId: string,
			private readonly transport: CohereChatTransport,
			config?: CohereChatModelConfig,
		) {
			super('cohere', modelId, config);
		}

		/** The request body: the conversation, the tools in Cohere's function format, and the settings. */
		requestBody(messages: Message[], config?: CohereChatModelConfig): IDataObject {
			const settings = this.mergeConfig(config) as CohereChatModelConfig;
			const tools = this.tools
				.filter((tool): tool is Extract<Tool, { type: 'function' }> => tool.type === 'function')
				.map((tool) => ({
					type: 'function',
					function: {
						name: tool.name,
						...(tool.description ? { description: tool.description } : {}),
						parameters: toolParameters(sdk, tool),
					},
				}));
			return chatBody(
				{
					model: this.modelId,
					messages: toCohereMessages(messages) as unknown as IDataObject[],
					tools,
				},
				settings,
			);
		}

		async generate(messages: Message[], config?: CohereChatModelConfig): Promise<GenerateResult> {
			const response = await this.transport.send(this.requestBody(messages, config));
			const toolPlan = response.message?.tool_plan;
			return {
				id: response.id,
				finishReason: finishReason(response.finish_reason),
				usage: tokenUsage(response.usage),
				message: fromCohereMessage(response),
				// The adapter keeps this on the AI message; the tool plan comes back with the tool calls.
				providerMetadata: {
					...(toolPlan ? { tool_plan: toolPlan } : {}),
					...(response.message?.citations?.length ? { citations: response.message.citations } : {}),
				},
				rawResponse: response,
			};
		}

		/**
		 * Cohere's server-sent events as the SDK's chunks: text and reasoning deltas as they come; each tool call
		 * whole, once its arguments are complete (n8n's adapter merges partial tool-call chunks by position); the
		 * finish reason and usage last.
		 */
		async *stream(messages: Message[], config?: CohereChatModelConfig): AsyncIterable<StreamChunk> {
			const body = await this.transport.openStream(this.requestBody(messages, config));
			const calls = new Map<number, { id?: string; name?: string; arguments: string }>();
			let usage: TokenUsage | undefined;
			for await (const event of parseSSEStream(body)) {
				if (!event.data) continue;
				const data = jsonParse<StreamEvent>(event.data, { fallbackValue: {} });
				const message = data.delta?.message;
				switch (data.type) {
					case 'content-delta':
						if (message?.content?.thinking)
							yield { type: 'reasoning-delta', delta: message.content.thinking };
						if (message?.content?.text) yield { type: 'text-delta', delta: message.content.text };
						break;
					case 'tool-call-start':
						calls.set(data.index ?? calls.size, {
							id: message?.tool_calls?.id,
							name: message?.tool_calls?.function?.name,
							arguments: message?.tool_calls?.function?.arguments ?? '',
						});
						break;
					case 'tool-call-delta': {
						const call = calls.get(data.index ?? calls.size - 1);
						if (call) call.arguments += message?.tool_calls?.function?.arguments ?? '';
						break;
					}
					case 'tool-call-end': {
						const index = data.index ?? calls.size - 1;
						const call = calls.get(index);
						if (call) {
							yield {
								type: 'tool-call-delta',
								id: call.id,
								name: call.name,
								argumentsDelta: call.arguments || '{}',
							};
							calls.delete(index);
						}
						break;
					}
					case 'message-end':
						usage = tokenUsage(data.delta?.usage);
						yield { type: 'finish', finishReason: finishReason(data.delta?.finish_reason), usage };
						return;
					default:
						break;
				}
			}
			// The stream ended without message-end (a proxy cut it): say so instead of a silent half answer.
			yield { type: 'finish', finishReason: 'other', usage };
		}
	};
}

const classes = new WeakMap<AiNodeSdk['BaseChatModel'], ReturnType<typeof defineCohereChatModel>>();

export function createCohereChatModel(
	sdk: AiNodeSdk,
	modelId: string,
	transport: CohereChatTransport,
	config?: CohereChatModelConfig,
): ChatModel<CohereChatModelConfig> {
	let CohereChatModelClass = classes.get(sdk.BaseChatModel);
	if (!CohereChatModelClass) {
		CohereChatModelClass = defineCohereChatModel(sdk);
		classes.set(sdk.BaseChatModel, CohereChatModelClass);
	}
	return new CohereChatModelClass(modelId, transport, config);
}
