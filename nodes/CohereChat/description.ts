import type { INodeProperties } from 'n8n-workflow';

import { documentsProperties } from './helpers/documents';

import { apiProperty } from '../shared/descriptions';
import * as chatV1 from './actions/chatV1.operation';
import * as chatV2 from './actions/chatV2.operation';
import {
	imagesProperty,
	promptProperties,
	responseFormatProperties,
	toolsProperties,
} from './actions/common.description';
import * as generate from './actions/generate.operation';
import * as openai from './actions/openAiCompatible.operation';
import { optionsDescription } from './actions/options.description';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	apiProperty(
		[
			{
				name: 'Chat (V2)',
				value: 'v2',
				description: 'POST /v2/chat: the current Cohere chat API',
			},
			{
				name: 'Chat V1 (Legacy)',
				value: 'v1',
				description: 'POST /v1/chat: message, preamble, chat history, connectors',
			},
			{
				name: 'Generate V1 (Legacy Completions)',
				value: 'generate',
				description: 'POST /v1/generate, deprecated by Cohere',
			},
		],
		'/chat/completions',
		'v2',
	),
	// The order a user works in: model, what to say, attachments, RAG documents, tools, the shape of
	// the answer. Each API form shows its own fields of this one list (some are shared between forms).
	chatV2.modelProperty,
	...openai.description,
	...promptProperties,
	imagesProperty,
	openai.filesProperty,
	...chatV1.description,
	...documentsProperties,
	chatV1.connectorsProperty,
	...toolsProperties,
	chatV2.strictToolsProperty,
	...responseFormatProperties,
	...generate.description,
	{
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			'Whether to return {text, finish_reason, citations, tool_calls, usage} (and the parsed JSON) instead of the API response body',
	},
	optionsDescription,
];
