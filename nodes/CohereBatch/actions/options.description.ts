import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection, requestOptions } from '../../shared/descriptions';
import { chatOptionsFor } from '../../shared/descriptions/options';

const forRun = { displayOptions: { show: { '/operation': ['runChat'] } } };

/**
 * The chat settings a batch record takes (the ones public batch clients send: sampling and length; no tools,
 * documents or reasoning), with the Chat node's definitions and so its range checks.
 */
const CHAT_OPTIONS = chatOptionsFor(['batch']).map(({ option }) => option);

/** The node's "Options" collection; its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection([
	...CHAT_OPTIONS.map((option) => ({ ...option, ...forRun })),
	{
		displayName: 'Batch Name',
		name: 'batchName',
		type: 'string',
		default: 'n8n-batch',
		description: 'Name of the batch and of its input dataset, as Cohere lists them',
		...forRun,
	},
	{
		displayName: 'Cancel on Timeout',
		name: 'cancelOnTimeout',
		type: 'boolean',
		default: true,
		description:
			'Whether to cancel the batch when "Max Wait" runs out; off, it keeps running and its results can be read later with Get',
		...forRun,
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWait',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 172800 },
		default: 3600,
		description:
			'How long to wait for validation and for the batch before failing (Cohere runs batches within 24 hours)',
		...forRun,
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 0.01, maxValue: 3600, numberPrecision: 2 },
		default: 5,
		description: 'First wait between status reads; it doubles after each read, up to 30 s',
		...forRun,
	},
	...requestOptions,
]);
