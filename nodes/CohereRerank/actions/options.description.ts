import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../../shared/descriptions';
import { rankingOptions } from '../../shared/descriptions/options';

/** The node's "Options" collection; its number fields' ranges are enforced at run time by `getOptions`. */
export const optionsDescription: INodeProperties = optionsCollection(rankingOptions);

export { topNProperty } from '../../shared/descriptions/options';
