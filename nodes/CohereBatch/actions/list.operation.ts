import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { limitProperty, returnAllProperties } from '../../shared/descriptions';
import { getNumberParameter } from '../../shared/parameters/numbers';
import { cohereApiRequest } from '../../shared/transport';
import type { Batch, ListBatchesResponse } from '../../shared/transport/responses';

/** Cohere's largest page (it coerces page_size above 1000 to 1000). */
const PAGE_SIZE = 1000;

const properties: INodeProperties[] = [...returnAllProperties];

export const description = updateDisplayOptions({ show: { operation: ['list'] } }, properties);

/** GET /v2/batches, newest first, page after page (page_token) up to the limit. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? Infinity : getNumberParameter.call(this, limitProperty, itemIndex);
	const batches: Batch[] = [];
	let token: string | undefined;
	do {
		const page = await (cohereApiRequest<ListBatchesResponse>).call(this, {
			method: 'GET',
			path: '/v2/batches',
			qs: {
				page_size: Math.min(PAGE_SIZE, limit - batches.length),
				order_by: 'created_at',
				...(token ? { page_token: token } : {}),
			},
			itemIndex,
		});
		batches.push(...(page.batches ?? []));
		token = page.next_page_token || undefined;
	} while (token && batches.length < limit);
	return batches.slice(0, limit).map((batch) => ({ json: batch }));
}
