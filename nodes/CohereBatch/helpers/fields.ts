import type { INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';

/** The batch a Get or Cancel works on: picked from the account's batches, or its ID. */
export const batchIdProperty: INodeProperties = idLocator({
	displayName: 'Batch',
	name: 'batchId',
	searchListMethod: 'searchBatches',
	placeholder: 'e.g. 9439e0e3-49a4-4336-93e3-485fc420bc18',
});
