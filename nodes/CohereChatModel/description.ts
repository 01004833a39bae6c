import type { INodeProperties } from 'n8n-workflow';
import { aiNodeSdkNotice } from '../shared/aiNodeSdk';
import { optionsDescription as chatOptions } from '../CohereChat/actions/options.description';
import {
	modelLocator,
	optionsCollection,
	pickOptions,
	requestOptions,
} from '../shared/descriptions';

/** The Cohere Chat node's own sampling options: one definition for both. */
export const optionsDescription = optionsCollection([
	...pickOptions(chatOptions, [
		'frequencyPenalty',
		'maxTokens',
		'presencePenalty',
		'priority',
		'thinking',
		'thinkingTokenBudget',
		'safetyMode',
		'seed',
		'stopSequences',
		'temperature',
		'topK',
		'topP',
	]),
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
