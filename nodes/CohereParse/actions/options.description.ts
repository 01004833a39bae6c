import type { INodeProperties } from 'n8n-workflow';

import { batchingOptions, optionsCollection, requestOptions } from '../../shared/descriptions';

/** The node's "Options" collection; its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection([
	...batchingOptions(),
	...requestOptions,
]);
