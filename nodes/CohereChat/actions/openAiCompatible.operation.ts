import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { compatibleEndpointProperties } from '../../shared/descriptions';
import { compact, getCompatibleEndpoint } from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import { readConversation } from '../helpers/messages';
import {
	getJsonSchema,
	parseModelJson,
	responseFormatBody,
	compatibleChatBody,
	simplifyToolCalls,
} from '../../shared/cohere/chat';
import { CHAT_IMAGE_RULES, LIMITS } from '../../shared/limits';
import { getOptions } from '../../shared/parameters/numbers';
import { optionsDescription } from './options.description';
import type { ChatCompletionResponse } from '../../shared/transport/responses';

const show = { api: ['openai'] };

export const description = updateDisplayOptions(
	{ show },
	compatibleEndpointProperties('command-a-03-2025', '/chat/completions'),
);

/** Files (PDFs) as "file" parts: the compatibility API takes them, /v2/chat does not. */
export const filesProperty: INodeProperties = {
	displayName: 'File Binary Properties',
	name: 'files',
	type: 'string',
	default: '',
	placeholder: 'e.g. data',
	description:
		'Binary properties to send as files (e.g. PDF documents), comma-separated, as "file" parts with base64 data',
	displayOptions: { show },
};

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { model, path } = getCompatibleEndpoint.call(this, itemIndex);
	const options = getOptions.call(this, itemIndex, optionsDescription);

	// The part shapes follow the gateway examples: image_url with "detail", and file with file_name and file_data.
	const { messages, responseFormat, tools, toolChoice } = await readConversation.call(
		this,
		itemIndex,
		{
			sources: [
				{ parameter: 'images', rules: CHAT_IMAGE_RULES },
				{
					parameter: 'files',
					rules: {
						parameterLabel: 'File Binary Properties',
						maxFiles: LIMITS.chatFilesPerRequest,
						maxTotalBytes: LIMITS.chatRequestFileBytes,
					},
				},
			],
			toParts: ([images, files]) => [
				...images.map((image) => ({
					type: 'image_url',
					image_url: { url: image.dataUri },
					detail: 'auto',
				})),
				...files.map((file) => ({
					type: 'file',
					file_name: file.fileName ?? file.propertyName,
					file: { file_data: file.dataUri },
				})),
			],
		},
	);
	const body = compatibleChatBody(
		{
			model,
			messages,
			responseFormat: responseFormatBody(
				responseFormat,
				() => getJsonSchema.call(this, itemIndex),
				'openai',
			),
			tools,
			toolChoice,
		},
		options,
	);

	const response = await (cohereApiRequest<ChatCompletionResponse>).call(this, {
		method: 'POST',
		path: `${path}/chat/completions`,
		body: body,
		itemIndex,
	});

	if (!this.getNodeParameter('simplify', itemIndex, true)) return [{ json: response }];
	const choice = response.choices?.[0] ?? {};
	const message = choice.message ?? {};
	const text = typeof message.content === 'string' ? message.content : '';
	const simplified: IDataObject = compact({
		text,
		finish_reason: choice.finish_reason,
		tool_calls: simplifyToolCalls(message.tool_calls),
		usage: response.usage,
	});
	if (responseFormat !== 'text' && !message.tool_calls)
		simplified.json = parseModelJson.call(this, itemIndex, text);
	return [{ json: simplified }];
}
