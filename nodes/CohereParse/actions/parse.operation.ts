import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { getModelId } from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import type { ParseResponse } from '../../shared/transport/responses';
import { readDocumentImage } from '../helpers/document';
import { simplifyParse } from '../helpers/pages';

/** What to parse and what to give back, below the model. */
export const documentProperties: INodeProperties[] = [
	{
		displayName: 'Input',
		name: 'inputSource',
		type: 'options',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: "The item's image file (a photo, a scan, a slide)",
			},
			{
				name: 'Image URL',
				value: 'url',
				description: 'An http(s) address of an image, or a data URI',
			},
		],
		default: 'binary',
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		placeholder: 'e.g. data',
		hint: 'The name of the binary field holding the document image (PNG, JPEG, WebP or GIF, up to 20 MB)',
		displayOptions: { show: { inputSource: ['binary'] } },
	},
	{
		displayName: 'Image URL',
		name: 'imageUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. https://example.com/receipt.png',
		description: 'An http(s) URL of a document image, or a data URI (data:image/png;base64,…)',
		displayOptions: { show: { inputSource: ['url'] } },
	},
	{
		displayName: 'Output Format',
		name: 'outputFormat',
		type: 'options',
		options: [
			{
				name: 'Markdown',
				value: 'markdown',
				description:
					'Each page as Markdown: tables as HTML, images as references with descriptions',
			},
			{
				name: 'Blocks',
				value: 'blocks',
				description: 'Each page as ordered text, image and table blocks with their bounding boxes',
			},
		],
		default: 'markdown',
	},
	{
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to add the Markdown of every page joined, and the pages, to the item's fields instead of returning Cohere's whole response",
	},
];

/** POST /v2/parse: one document image per item. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const model = getModelId.call(this, itemIndex);
	const outputFormat = this.getNodeParameter('outputFormat', itemIndex, 'markdown') as string;
	const imageUrl = await readDocumentImage.call(this, itemIndex);
	const response = await (cohereApiRequest<ParseResponse>).call(this, {
		method: 'POST',
		path: '/v2/parse',
		body: {
			model,
			document: { type: 'image_url', image_url: imageUrl },
			output_format: outputFormat,
		},
		itemIndex,
	});
	if (!this.getNodeParameter('simplify', itemIndex, true))
		return [{ json: response as IDataObject }];
	return [{ json: { ...this.getInputData()[itemIndex].json, ...simplifyParse(response) } }];
}
