import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getBatching } from '../../shared/descriptions';
import { DEFAULT_CONCURRENCY } from './options.description';
import { processItems } from '../../shared/helpers/processItems';
import * as chatV1 from './chatV1.operation';
import * as chatV2 from './chatV2.operation';
import * as generate from './generate.operation';
import * as openai from './openAiCompatible.operation';

const apis = { v2: chatV2, v1: chatV1, generate, openai };

/** One request per item, in the API form the node is set to, with the node's batching. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const api = this.getNodeParameter('api', 0) as keyof typeof apis;
	const selected = apis[api];
	if (!selected)
		throw new NodeOperationError(this.getNode(), `The API "${String(api)}" is not supported`);
	return [
		await processItems.call(this, selected.execute, getBatching.call(this, DEFAULT_CONCURRENCY)),
	];
}
