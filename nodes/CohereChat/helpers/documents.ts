import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asText, compact, getJsonParameter } from '../../shared/parameters/parameters';

const show = { api: ['v2'] };

/** Documents for RAG (shared with Chat v1) and how the answer cites them. */
export const documentsProperties: INodeProperties[] = [
	{
		displayName: 'Documents',
		name: 'documents',
		type: 'json',
		// '[]', not '': the editor marks an empty JSON field as invalid on every fresh node.
		default: '[]',
		placeholder: '={{ $json.documents }}',
		description:
			'Documents for RAG: an array of strings, or of objects with an optional ID and a data object (plain objects are sent as data). The answer cites them.',
		displayOptions: { show: { api: ['v2', 'v1'] } },
	},
	{
		displayName: 'Citation Mode',
		name: 'citationMode',
		type: 'options',
		options: [
			{ name: 'Default', value: 'default', description: "Cohere's default for the model" },
			{ name: 'Fast', value: 'FAST' },
			{ name: 'Accurate', value: 'ACCURATE' },
			{ name: 'Off', value: 'OFF' },
		],
		default: 'default',
		displayOptions: { show },
	},
];

/** Strings stay strings; objects become {id?, data} as Cohere expects. */
export function getDocuments(
	this: IExecuteFunctions,
	itemIndex: number,
): Array<string | IDataObject> | undefined {
	const documents = getJsonParameter.call(this, 'documents', 'Documents', itemIndex);
	// An empty list (the field's default) means no documents.
	if (documents === undefined || (Array.isArray(documents) && documents.length === 0))
		return undefined;
	if (!Array.isArray(documents)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Documents" must be an array in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	return documents.map((document, position) => {
		if (typeof document === 'string') return document;
		if (typeof document === 'number' || typeof document === 'boolean') return asText(document);
		if (!document || typeof document !== 'object' || Array.isArray(document)) {
			throw new NodeOperationError(
				this.getNode(),
				`Document ${position + 1} of "Documents" in item ${itemIndex} is ${document === null ? 'null' : Array.isArray(document) ? 'an array' : 'empty'}: give a text or an object`,
				{ itemIndex, description: 'For example: ["a text", {"title": "A", "text": "..."}]' },
			);
		}
		const { id, data, ...rest } = document as IDataObject;
		if (data && typeof data === 'object')
			return compact({ id: id === undefined ? undefined : String(id), data: data as IDataObject });
		return compact({ id: id === undefined ? undefined : String(id), data: { ...rest } });
	});
}
