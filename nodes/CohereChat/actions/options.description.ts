import type { INodeProperties } from 'n8n-workflow';

import {
	priorityOption,
	batchingOptions,
	requestOptions,
	optionsCollection,
} from '../../shared/descriptions';
import { chatOptions } from '../../shared/descriptions/options';

const onlyFor = (...apis: string[]) => ({ displayOptions: { show: { '/api': apis } } });

export const optionsDescription: INodeProperties = optionsCollection([
	chatOptions.frequencyPenalty,
	{
		displayName: 'Log Probabilities',
		name: 'logprobs',
		type: 'boolean',
		default: false,
		description: 'Whether to return the log probabilities of the generated tokens',
		...onlyFor('v2'),
	},
	chatOptions.maxTokens,
	{
		displayName: 'Number of Generations',
		name: 'numGenerations',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5 },
		default: 1,
		...onlyFor('generate'),
	},
	chatOptions.presencePenalty,
	{ ...priorityOption, ...onlyFor('v2') },
	{ ...chatOptions.thinking, ...onlyFor('v2') },
	{ ...chatOptions.thinkingTokenBudget, ...onlyFor('v2') },
	{
		displayName: 'Return Likelihoods',
		name: 'returnLikelihoods',
		type: 'options',
		options: [
			{ name: 'None', value: 'NONE' },
			{ name: 'Generation', value: 'GENERATION' },
			{ name: 'All', value: 'ALL' },
		],
		default: 'NONE',
		...onlyFor('generate'),
	},
	{ ...chatOptions.safetyMode, ...onlyFor('v2') },
	chatOptions.seed,
	chatOptions.stopSequences,
	chatOptions.temperature,
	{ ...chatOptions.topK, ...onlyFor('v2', 'v1', 'generate') },
	chatOptions.topP,
	...batchingOptions(),
	...requestOptions,
]);
