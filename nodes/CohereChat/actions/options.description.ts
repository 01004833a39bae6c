import type { INodeProperties } from 'n8n-workflow';

import {
	priorityOption,
	batchingOptions,
	requestOptions,
	optionsCollection,
} from '../../shared/descriptions';

/** Trial keys allow 20 chat calls a minute: two at a time, with retries absorbing the 429s, suits them. */
export const DEFAULT_CONCURRENCY = 2;

const onlyFor = (...apis: string[]) => ({ displayOptions: { show: { '/api': apis } } });

export const optionsDescription: INodeProperties = optionsCollection([
	{
		displayName: 'Frequency Penalty',
		name: 'frequencyPenalty',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0,
		description: 'Reduces repeated tokens in proportion to how often they appeared',
	},
	{
		displayName: 'Log Probabilities',
		name: 'logprobs',
		type: 'boolean',
		default: false,
		description: 'Whether to return the log probabilities of the generated tokens',
		...onlyFor('v2'),
	},
	{
		displayName: 'Max Tokens',
		name: 'maxTokens',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1024,
		description: 'The most tokens the answer may have',
	},
	{
		displayName: 'Number of Generations',
		name: 'numGenerations',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5 },
		default: 1,
		...onlyFor('generate'),
	},
	{
		displayName: 'Presence Penalty',
		name: 'presencePenalty',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0,
		description: 'Reduces tokens that appeared at all',
	},
	{ ...priorityOption, ...onlyFor('v2') },
	{
		displayName: 'Reasoning',
		name: 'thinking',
		type: 'options',
		options: [
			{ name: 'Enabled', value: 'enabled' },
			{ name: 'Disabled', value: 'disabled' },
		],
		default: 'enabled',
		description: 'Whether reasoning models think before answering',
		...onlyFor('v2'),
	},
	{
		displayName: 'Reasoning Token Budget',
		name: 'thinkingTokenBudget',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 2048,
		description: 'The most tokens the model may spend thinking (with Reasoning enabled)',
		...onlyFor('v2'),
	},
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
	{
		displayName: 'Safety Mode',
		name: 'safetyMode',
		type: 'options',
		options: [
			{ name: 'Contextual', value: 'CONTEXTUAL' },
			{ name: 'Strict', value: 'STRICT' },
			{ name: 'Off', value: 'OFF' },
		],
		default: 'CONTEXTUAL',
		...onlyFor('v2'),
	},
	{
		displayName: 'Seed',
		name: 'seed',
		type: 'number',
		default: 0,
		description: 'Same seed and parameters give the same answer, as far as the model allows',
	},
	{
		displayName: 'Stop Sequences',
		name: 'stopSequences',
		type: 'string',
		typeOptions: { multipleValues: true },
		default: [],
		description: 'The answer ends before any of these texts',
	},
	{
		displayName: 'Temperature',
		name: 'temperature',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 },
		default: 0.3,
		description: 'Randomness of the answer: lower is more focused',
	},
	{
		displayName: 'Top K',
		name: 'topK',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 500 },
		default: 0,
		description: 'Only the K most likely tokens are considered (0 turns it off)',
		...onlyFor('v2', 'v1', 'generate'),
	},
	{
		displayName: 'Top P',
		name: 'topP',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.75,
		description: 'Nucleus sampling: only the most likely tokens whose probabilities add up to this',
	},
	...batchingOptions(DEFAULT_CONCURRENCY),
	...requestOptions,
]);
