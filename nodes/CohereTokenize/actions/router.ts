import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { getBatching } from '../../shared/descriptions';
import { routeOperation } from '../../shared/helpers/router';
import * as detokenize from './detokenize.operation';
import * as tokenize from './tokenize.operation';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeOperation.call(this, { tokenize, detokenize }, getBatching.call(this, 4));
}
