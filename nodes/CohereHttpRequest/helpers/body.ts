import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

/** The name and value pairs of one of the node's lists, as an object (empty names left out). */
export function collectPairs(
	this: IExecuteFunctions,
	parameterName: string,
	itemIndex: number,
): IDataObject {
	const collection = this.getNodeParameter(parameterName, itemIndex, {}) as {
		parameters?: Array<{ name: string; value: unknown }>;
	};
	const result: IDataObject = {};
	for (const { name, value } of collection.parameters ?? []) {
		if (name) result[name] = value as IDataObject[keyof IDataObject];
	}
	return result;
}

/** The JSON Body: JSON text, or what an expression already gave as an object or array. */
export function parseJsonBody(
	this: IExecuteFunctions,
	itemIndex: number,
): IDataObject | IDataObject[] {
	const raw = this.getNodeParameter('jsonBody', itemIndex, '{}') as unknown;
	if (typeof raw === 'object' && raw !== null) return raw as IDataObject;
	const text = String(raw ?? '').trim();
	if (!text) return {};
	try {
		return jsonParse<IDataObject | IDataObject[]>(text);
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "JSON Body" is not valid JSON: ${(error as Error).message}`,
			{
				itemIndex,
			},
		);
	}
}
