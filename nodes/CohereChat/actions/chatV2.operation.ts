import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { CHAT_IMAGE_RULES } from '../../shared/limits';
import { contentText } from '../../shared/helpers/chatContent';
import { asText, compact, getJsonParameter, getModelId } from '../../shared/helpers/parameters';
import { cohereApiRequest } from '../../shared/transport';
import { readConversation, simplifyToolCalls } from '../helpers/messages';
import { getJsonSchema, parseModelJson, samplingOptions } from '../../shared/helpers/chatRequest';
import { getOptions } from '../../shared/helpers/numbers';
import { optionsDescription } from './options.description';
import type { ChatResponse } from '../../shared/transport/responses';

const show = { api: ['v2'] };

export const modelProperty = modelLocator('searchChatModels', 'command-a-03-2025', {
	displayOptions: { show },
});

/** Documents for RAG (shared with Chat v1) and how the answer cites them. */
export const documentsProperties: INodeProperties[] = [
	{
		displayName: 'Documents',
		name: 'documents',
		type: 'json',
		// '[]', not '': the editor marks an empty JSON field as invalid on every fresh node.
		default: '[]',
		placeholder: '={{ $json.documents }}',
		description:
			'Documents for RAG: an array of strings, or of objects with an optional ID and a data object (plain objects are sent as data). The answer cites them.',
		displayOptions: { show: { api: ['v2', 'v1'] } },
	},
	{
		displayName: 'Citation Mode',
		name: 'citationMode',
		type: 'options',
		options: [
			{ name: 'Default', value: 'default', description: "Cohere's default for the model" },
			{ name: 'Fast', value: 'FAST' },
			{ name: 'Accurate', value: 'ACCURATE' },
			{ name: 'Off', value: 'OFF' },
		],
		default: 'default',
		displayOptions: { show },
	},
];

export const strictToolsProperty: INodeProperties = {
	displayName: 'Strict Tools',
	name: 'strictTools',
	type: 'boolean',
	default: false,
	description:
		'Whether tool calls must follow the tool definitions exactly (names, required parameters, types)',
	displayOptions: { show },
};

/** Strings stay strings; objects become {id?, data} as Cohere expects. */
export function getDocuments(
	this: IExecuteFunctions,
	itemIndex: number,
): Array<string | IDataObject> | undefined {
	const documents = getJsonParameter.call(this, 'documents', 'Documents', itemIndex);
	// An empty list (the field's default) means no documents.
	if (documents === undefined || (Array.isArray(documents) && documents.length === 0))
		return undefined;
	if (!Array.isArray(documents)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Documents" must be an array in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	return documents.map((document, position) => {
		if (typeof document === 'string') return document;
		if (typeof document === 'number' || typeof document === 'boolean') return asText(document);
		if (!document || typeof document !== 'object' || Array.isArray(document)) {
			throw new NodeOperationError(
				this.getNode(),
				`Document ${position + 1} of "Documents" in item ${itemIndex} is ${document === null ? 'null' : Array.isArray(document) ? 'an array' : 'empty'}: give a text or an object`,
				{ itemIndex, description: 'For example: ["a text", {"title": "A", "text": "..."}]' },
			);
		}
		const { id, data, ...rest } = document as IDataObject;
		if (data && typeof data === 'object')
			return compact({ id: id === undefined ? undefined : String(id), data: data as IDataObject });
		return compact({ id: id === undefined ? undefined : String(id), data: { ...rest } });
	});
}

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
