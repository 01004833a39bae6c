import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { classifyByChat } from './chat.method';
import { classifyByEmbeddings } from './embeddings.method';
import { classifyByEndpoint } from './endpoint.method';
import { getExamples } from './examples';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	// The examples are the same for every item: checked once, before any request.
	const method = this.getNodeParameter('method', 0) as string;
	const { examples, labels } = getExamples(this, method !== 'endpoint');
	if (method === 'chat') return [await classifyByChat.call(this, examples, labels)];
	if (method === 'endpoint') return [await classifyByEndpoint.call(this, examples)];
	return [await classifyByEmbeddings.call(this, examples, labels)];
}
