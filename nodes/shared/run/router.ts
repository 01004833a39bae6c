import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ItemWorker, ProcessItemsOptions } from './processItems';
import { getBatching } from './runNode';
import { processItems } from './processItems';

/**
 * What an operation file exports: its fields, and how it runs, either once per input item (`execute`, run by
 * the per-item runner: bounded concurrency, order, pairing, Continue On Fail) or once for all of them
 * (`executeAll`, for requests that pack many items: embeddings, classification, reranking items together).
 */
export interface OperationModule {
	description?: INodeProperties[];
	execute?: ItemWorker;
	executeAll?: (this: IExecuteFunctions) => Promise<INodeExecutionData[]>;
}

/** Operations by the value of each selecting parameter, in order (`{ dataset: { create: ... } }`). */
export interface OperationTree {
	[value: string]: OperationModule | OperationTree;
}

export interface RouterOptions {
	/** The parameters that pick the operation, outermost first: `['api']`, `['resource', 'operation']`. */
	selectBy: string[];
	/** The operation (a node with one), or the operations by the selecting parameters' values. */
	operations: OperationModule | OperationTree;
	/**
	 * Per-item operations: `'options'` for a node with "Concurrent Requests" and "Delay Between Batches" in
	 * its Options (Auto by default), or fixed runner options for a node without them (one at a time).
	 */
	concurrency?: 'options' | ProcessItemsOptions;
}

function isOperation(node: OperationModule | OperationTree): node is OperationModule {
	return typeof node.execute === 'function' || typeof node.executeAll === 'function';
}

/** The one router of every node: picks the operation by the selecting parameters and runs it. */
export function createRouter(options: RouterOptions) {
	return async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		let selected: OperationModule | OperationTree = options.operations;
		for (const parameter of options.selectBy) {
			const value = String(this.getNodeParameter(parameter, 0));
			const next: OperationModule | OperationTree | undefined =
				!isOperation(selected) && Object.prototype.hasOwnProperty.call(selected, value)
					? selected[value]
					: undefined;
			if (!next)
				throw new NodeOperationError(
					this.getNode(),
					`The parameter "${parameter}" has a value this node does not support: "${value}"`,
				);
			selected = next;
		}
		if (!isOperation(selected))
			throw new NodeOperationError(this.getNode(), 'No operation is selected');
		if (selected.executeAll) return [await selected.executeAll.call(this)];
		const batching =
			options.concurrency === 'options' ? getBatching.call(this) : (options.concurrency ?? {});
		return [await processItems.call(this, selected.execute!, batching)];
	};
}
