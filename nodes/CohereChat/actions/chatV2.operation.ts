import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { CHAT_IMAGE_RULES } from '../../shared/limits';
import { contentText } from '../../shared/cohere/chatContent';
import { compact, getModelId } from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import { getDocuments } from '../helpers/documents';
import { readConversation, simplifyToolCalls } from '../helpers/messages';
import { getJsonSchema, parseModelJson, samplingOptions } from '../../shared/cohere/chat';
import { getOptions } from '../../shared/parameters/numbers';
import { optionsDescription } from './options.description';
import type { ChatResponse } from '../../shared/transport/responses';

const show = { api: ['v2'] };

export const modelProperty = modelLocator('searchChatModels', 'command-a-03-2025', {
	displayOptions: { show },
});

export const strictToolsProperty: INodeProperties = {
	displayName: 'Strict Tools',
	name: 'strictTools',
	type: 'boolean',
	default: false,
	description:
		'Whether tool calls must follow the tool definitions exactly (names, required parameters, types)',
	displayOptions: { show },
};

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const model = getModelId.call(this, itemIndex);
	const options = getOptions.call(this, itemIndex, optionsDescription);

	const { messages, responseFormat, tools, toolChoice } = await readConversation.call(
		this,
		itemIndex,
		{
			sources: [{ parameter: 'images', rules: CHAT_IMAGE_RULES }],
			toParts: ([images]) =>
				images.map((image) => ({ type: 'image_url', image_url: { url: image.dataUri } })),
		},
	);
	const citationMode = this.getNodeParameter('citationMode', itemIndex, 'default') as string;
	const thinking = options.thinking as string | undefined;

	const body = compact({
		model,
		messages,
		documents: getDocuments.call(this, itemIndex),
		citation_options: citationMode === 'default' ? undefined : { mode: citationMode },
		response_format:
			responseFormat === 'json_object'
				? { type: 'json_object' }
				: responseFormat === 'json_schema'
					? { type: 'json_object', json_schema: getJsonSchema.call(this, itemIndex) }
					: undefined,
		tools,
		tool_choice: tools && toolChoice !== 'auto' ? toolChoice.toUpperCase() : undefined,
		strict_tools:
			tools && this.getNodeParameter('strictTools', itemIndex, false) ? true : undefined,
		...samplingOptions(options, 'cohere'),
		safety_mode: options.safetyMode,
		thinking: thinking
			? compact({
					type: thinking,
					token_budget: thinking === 'enabled' ? options.thinkingTokenBudget : undefined,
				})
			: undefined,
		priority: options.priority,
		logprobs: options.logprobs === true ? true : undefined,
	});

	const response = await (cohereApiRequest<ChatResponse>).call(this, {
		method: 'POST',
		path: '/v2/chat',
		body: body,
		itemIndex,
	});

	if (!this.getNodeParameter('simplify', itemIndex, true)) return [{ json: response }];
	const message = response.message ?? {};
	const text = contentText(message.content, 'text') ?? '';
	const simplified: IDataObject = compact({
		text,
		finish_reason: response.finish_reason,
		citations: message.citations,
		tool_plan: message.tool_plan,
		tool_calls: simplifyToolCalls(message.tool_calls),
		thinking: contentText(message.content, 'thinking'),
		usage: response.usage,
		logprobs: response.logprobs,
	});
	if (responseFormat !== 'text' && !message.tool_calls)
		simplified.json = parseModelJson.call(this, itemIndex, text);
	return [{ json: simplified }];
}
