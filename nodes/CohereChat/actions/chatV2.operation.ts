import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { CHAT_IMAGE_RULES } from '../../shared/limits';
import { getModelId } from '../../shared/parameters/parameters';
import { getDocuments } from '../helpers/documents';
import { readConversation } from '../helpers/messages';
import {
	chatAnswer,
	chatBody,
	getJsonSchema,
	responseFormatBody,
	sendChat,
} from '../../shared/cohere/chat';
import { getOptions } from '../../shared/parameters/numbers';
import { optionsDescription } from './options.description';

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
	const body = chatBody(
		{
			model,
			messages,
			documents: getDocuments.call(this, itemIndex),
			citationMode: this.getNodeParameter('citationMode', itemIndex, 'default') as string,
			responseFormat: responseFormatBody(
				responseFormat,
				() => getJsonSchema.call(this, itemIndex),
				'cohere',
			),
			tools,
			toolChoice,
			strictTools: this.getNodeParameter('strictTools', itemIndex, false) as boolean,
		},
		options,
	);
	const response = await sendChat.call(this, body, { itemIndex });
	return [{ json: chatAnswer.call(this, itemIndex, response, responseFormat) }];
}
