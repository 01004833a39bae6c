import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemWorker, ProcessItemsOptions } from './processItems';
import { processItems } from './processItems';

/** What every `*.operation.ts` file exports. */
export interface OperationModule {
	description: INodeProperties[];
	execute: ItemWorker;
}

/** Picks the operation named by the node's `operation` parameter and runs it for every item. */
export async function routeOperation(
	this: IExecuteFunctions,
	operations: Record<string, OperationModule>,
	options: ProcessItemsOptions = {},
): Promise<INodeExecutionData[][]> {
	const operation = this.getNodeParameter('operation', 0) as string;
	const selected = operations[operation];
	if (!selected) {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`);
	}
	return [await processItems.call(this, selected.execute, options)];
}
