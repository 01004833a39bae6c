import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getBatching } from '../../shared/descriptions';
import { processItems } from '../../shared/helpers/processItems';
import { executeChat, executeEndpoint } from './summarize.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const worker = this.getNodeParameter('method', 0) === 'endpoint' ? executeEndpoint : executeChat;
	return [await processItems.call(this, worker, getBatching.call(this, 2))];
}
