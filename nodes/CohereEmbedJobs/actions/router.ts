import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationModule } from '../../shared/helpers/router';
import { processItems } from '../../shared/helpers/processItems';
import * as datasetCreate from './dataset/create.operation';
import * as datasetDelete from './dataset/delete.operation';
import * as datasetGet from './dataset/get.operation';
import * as datasetGetUsage from './dataset/getUsage.operation';
import * as datasetList from './dataset/list.operation';
import * as jobCancel from './embedJob/cancel.operation';
import * as jobCreate from './embedJob/create.operation';
import * as jobGet from './embedJob/get.operation';
import * as jobList from './embedJob/list.operation';

const operations: Record<string, Record<string, OperationModule>> = {
	dataset: {
		create: datasetCreate,
		get: datasetGet,
		list: datasetList,
		getUsage: datasetGetUsage,
		delete: datasetDelete,
	},
	embedJob: { create: jobCreate, get: jobGet, list: jobList, cancel: jobCancel },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	// Building a dataset from the input items makes one dataset of all of them.
	if (
		resource === 'dataset' &&
		operation === 'create' &&
		this.getNodeParameter('source', 0) === 'items'
	) {
		return [await datasetCreate.executeFromItems.call(this)];
	}
	const selected = operations[resource]?.[operation];
	if (!selected)
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	return [await processItems.call(this, selected.execute)];
}
