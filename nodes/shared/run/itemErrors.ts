import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** The error item that Continue On Fail puts in place of a failed input item. */
export function errorItem(
	error: Error & { description?: string | null; httpCode?: string | null },
	itemIndex: number,
): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	return { json, pairedItem: { item: itemIndex } };
}

/** Any thrown value as one of n8n's node errors, keeping the class it has (API errors stay API errors). */
export function asNodeError(
	this: Pick<IExecuteFunctions, 'getNode'>,
	error: unknown,
	itemIndex?: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(
		this.getNode(),
		error as Error,
		itemIndex === undefined ? {} : { itemIndex },
	);
}

/** Makes sure the error names the item and keeps n8n's error classes (API errors stay API errors). */
export function asItemError(
	this: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const failure = asNodeError.call(this, error, itemIndex);
	failure.context = { ...(failure.context ?? {}), itemIndex };
	return failure;
}
