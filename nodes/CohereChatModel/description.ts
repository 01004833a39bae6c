import type { INodeProperties } from 'n8n-workflow';
import { aiNodeSdkNotice } from '../shared/run/aiNodeSdk';
import {
	modelLocator,
	optionsCollection,
	priorityOption,
	requestOptions,
} from '../shared/descriptions';
import { chatOptionsFor } from '../shared/descriptions/options';

/** The chat options the model takes (one definition with the Chat node's, in descriptions/options.ts). */
export const optionsDescription = optionsCollection([
	...chatOptionsFor(['model']).map(({ option }) => option),
	priorityOption,
	...requestOptions,
]);

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	...aiNodeSdkNotice(),
	modelLocator('searchChatModels', 'command-a-03-2025', {
		description: 'The Cohere chat model. Vision models take the images of user messages.',
	}),
	optionsDescription,
];
