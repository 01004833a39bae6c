import type { INodeProperties } from 'n8n-workflow';

import {
	priorityOption,
	batchingOptions,
	requestOptions,
	optionsCollection,
} from '../../shared/descriptions';
import type { ChatForm } from '../../shared/descriptions/options';
import { chatOptionsFor } from '../../shared/descriptions/options';

const onlyFor = (...apis: string[]) => ({ displayOptions: { show: { '/api': apis } } });

/** The API forms of the Chat node; an option every one of them takes needs no display rule. */
const FORMS: ChatForm[] = ['v2', 'v1', 'generate', 'openai'];

export const optionsDescription: INodeProperties = optionsCollection([
	...chatOptionsFor(FORMS).map(({ option, forms }) =>
		forms.length === FORMS.length ? option : { ...option, ...onlyFor(...forms) },
	),
	{
		displayName: 'Log Probabilities',
		name: 'logprobs',
		type: 'boolean',
		default: false,
		description: 'Whether to return the log probabilities of the generated tokens',
		...onlyFor('v2'),
	},
	{
		displayName: 'Number of Generations',
		name: 'numGenerations',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5 },
		default: 1,
		...onlyFor('generate'),
	},
	{ ...priorityOption, ...onlyFor('v2') },
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
	...batchingOptions(),
	...requestOptions,
]);
