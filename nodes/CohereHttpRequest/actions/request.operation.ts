import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
} from 'n8n-workflow';

import { getOptions } from '../../shared/parameters/numbers';
import { asText } from '../../shared/parameters/parameters';
import { cohereRequest, getBaseUrl } from '../../shared/transport';
import { collectPairs, parseJsonBody } from '../helpers/body';
import { resolveTarget } from '../helpers/target';
import { optionsDescription } from './options.description';

/** One request per item: the method, the path or full URL (checked by resolveTarget), query, headers, body. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const method = this.getNodeParameter('method', itemIndex) as IHttpRequestMethods;
	const options = getOptions.call(this, itemIndex, optionsDescription);
	const target = resolveTarget.call(
		this,
		this.getNodeParameter('url', itemIndex) as unknown,
		await getBaseUrl.call(this),
		itemIndex,
	);

	const qs = this.getNodeParameter('sendQuery', itemIndex, false)
		? collectPairs.call(this, 'queryParameters', itemIndex)
		: undefined;
	const headers = this.getNodeParameter('sendHeaders', itemIndex, false)
		? collectPairs.call(this, 'headerParameters', itemIndex)
		: {};
	// Header values are text on the wire: objects as JSON, the one rule for text values.
	for (const name of Object.keys(headers)) headers[name] = asText(headers[name]);
	// The credential decides who is calling; a header typed here must not replace it.
	for (const name of Object.keys(headers)) {
		if (name.toLowerCase() === 'authorization') delete headers[name];
	}

	let body: IDataObject | IDataObject[] | undefined;
	if (!['GET', 'DELETE'].includes(method) && this.getNodeParameter('sendBody', itemIndex, true)) {
		body =
			this.getNodeParameter('specifyBody', itemIndex, 'json') === 'json'
				? parseJsonBody.call(this, itemIndex)
				: collectPairs.call(this, 'bodyParameters', itemIndex);
	}

	const response = await cohereRequest.call(this, {
		method,
		path: target,
		qs,
		headers,
		body,
		itemIndex,
		returnErrors: options.neverError === true,
	});
	return [
		{
			json: {
				status: response.status,
				headers: response.headers,
				body: response.body as IDataObject,
			},
		},
	];
}
