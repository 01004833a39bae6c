import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import {
	asText,
	compact,
	getJsonParameter,
	getRequiredText,
	getModelId,
} from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import { samplingOptions } from '../../shared/cohere/chat';
import { getDocuments } from '../helpers/documents';
import { getOptions } from '../../shared/parameters/numbers';
import { optionsDescription } from './options.description';
import type { ChatV1Response } from '../../shared/transport/responses';

const show = { api: ['v1'] };

/** Model and message, in the v1 API's own terms (preamble, chat history). */
export const description = updateDisplayOptions({ show }, [
	modelLocator('searchChatModels', 'command-r-08-2024', {
		name: 'chatV1Model',
	}),
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
	},
	{
		displayName: 'Preamble',
		name: 'preamble',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'The system instructions of the v1 API',
	},
	{
		displayName: 'Chat History (JSON)',
		name: 'chatHistory',
		type: 'json',
		// '[]', not '': the editor marks an empty JSON field as invalid on every fresh node.
		default: '[]',
		placeholder: '[{"role": "USER", "message": "Hi"}, {"role": "CHATBOT", "message": "Hello!"}]',
		description: 'Earlier turns: an array of {role: USER | CHATBOT | SYSTEM, message}',
	},
]);

export const connectorsProperty: INodeProperties = {
	displayName: 'Connectors',
	name: 'connectors',
	type: 'string',
	default: '',
	placeholder: 'e.g. web-search',
	description: 'Connector IDs to search, comma-separated',
	displayOptions: { show },
};

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const model = getModelId.call(this, itemIndex, 'chatV1Model', false);

	const options = getOptions.call(this, itemIndex, optionsDescription);
	const chatHistory = getJsonParameter.call(this, 'chatHistory', 'Chat History (JSON)', itemIndex);
	if (chatHistory !== undefined && !Array.isArray(chatHistory)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Chat History (JSON)" must be an array in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	const connectors = String(this.getNodeParameter('connectors', itemIndex, '') ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter(Boolean)
		.map((id) => ({ id }));

	const body = compact({
		message: getRequiredText.call(this, 'message', 'Message', itemIndex),
		model: model || undefined,
		preamble: asText(this.getNodeParameter('preamble', itemIndex, '')) || undefined,
		chat_history:
			Array.isArray(chatHistory) && chatHistory.length > 0
				? (chatHistory as IDataObject[])
				: undefined,
		documents: getDocuments
			.call(this, itemIndex)
			?.map((d) =>
				typeof d === 'string'
					? { text: d }
					: { ...(d.data as IDataObject), ...(d.id ? { id: d.id } : {}) },
			),
		connectors: connectors.length ? connectors : undefined,
		...samplingOptions(options, 'cohere'),
	});

	const response = await (cohereApiRequest<ChatV1Response>).call(this, {
		method: 'POST',
		path: '/v1/chat',
		body: body,
		itemIndex,
	});

	if (!this.getNodeParameter('simplify', itemIndex, true)) return [{ json: response }];
	return [
		{
			json: compact({
				text: response.text,
				finish_reason: response.finish_reason,
				citations: response.citations,
				documents: response.documents,
				search_queries: response.search_queries,
				generation_id: response.generation_id,
				usage: response.meta?.billed_units,
			}),
		},
	];
}
