import type { INodeProperties } from 'n8n-workflow';

import { batchingOptions, optionsCollection, requestOptions } from '../../shared/descriptions';

export const temperatureOption: INodeProperties = {
	displayName: 'Temperature',
	name: 'temperature',
	type: 'number',
	default: 0,
	typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
	description:
		'Sampling temperature from 0 to 1: lower is more literal. Not sent unless set above 0.',
};

/** The node's "Options" collection; its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection([
	temperatureOption,
	...batchingOptions(),
	...requestOptions,
]);
