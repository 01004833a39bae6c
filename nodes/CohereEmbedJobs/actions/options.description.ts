import type { INodeProperties } from 'n8n-workflow';

import { requestOptions, optionsCollection } from '../../shared/descriptions';

/** The node's "Options" collection (timeout and retries for every operation, the rest for Create); its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection([
	{
		displayName: 'CSV Delimiter',
		name: 'csvDelimiter',
		type: 'string',
		default: ',',
		displayOptions: { show: { '/resource': ['dataset'], '/operation': ['create'] } },
	},
	{
		displayName: 'Keep Fields',
		name: 'keepFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. url, title',
		description:
			'Fields kept in the dataset besides text, comma-separated; validation fails when one is missing',
		displayOptions: { show: { '/resource': ['dataset'], '/operation': ['create'] } },
	},
	{
		displayName: 'Max Wait (Seconds)',
		name: 'maxWait',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 86400 },
		default: 600,
		description: 'How long to wait for validation or completion before failing',
		displayOptions: { show: { '/operation': ['create'] } },
	},
	{
		displayName: 'Optional Fields',
		name: 'optionalFields',
		type: 'string',
		default: '',
		description: 'Fields kept when present, comma-separated',
		displayOptions: { show: { '/resource': ['dataset'], '/operation': ['create'] } },
	},
	{
		displayName: 'Poll Interval (Seconds)',
		name: 'pollInterval',
		type: 'number',
		typeOptions: { minValue: 0.01, maxValue: 3600, numberPrecision: 2 },
		default: 2,
		description: 'First wait between status reads; it doubles after each read, up to 30 s',
		displayOptions: { show: { '/operation': ['create'] } },
	},
	{
		displayName: 'Skip Malformed Input',
		name: 'skipMalformedInput',
		type: 'boolean',
		default: false,
		description:
			'Whether malformed rows are dropped (and listed in the warnings) instead of failing validation',
		displayOptions: { show: { '/resource': ['dataset'], '/operation': ['create'] } },
	},
	{
		displayName: 'Text Separator',
		name: 'textSeparator',
		type: 'string',
		default: '',
		description: 'How .txt uploads are split into rows (a line break by default)',
		displayOptions: { show: { '/resource': ['dataset'], '/operation': ['create'] } },
	},
	{
		displayName: 'Wait for Validation',
		name: 'waitForValidation',
		type: 'boolean',
		default: false,
		description:
			'Whether to poll the new dataset until Cohere has validated it, failing with its warnings if it cannot',
		displayOptions: { show: { '/resource': ['dataset'], '/operation': ['create'] } },
	},
	...requestOptions,
]);
