import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { inputBinary } from '../../../shared/formats/binary';
import {
	getRequiredText,
	perItemParameter,
	requireText,
} from '../../../shared/parameters/parameters';
import { processItems } from '../../../shared/run/processItems';
import { getRequestSettings } from '../../../shared/transport';
import { uploadDataset, waitForValidation } from '../../../shared/cohere/datasets';
import { getOptions } from '../../../shared/parameters/numbers';
import { optionsDescription } from '../options.description';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		description: 'Name of the dataset',
	},
	{
		displayName: 'Dataset Type',
		name: 'datasetType',
		type: 'options',
		options: [
			{ name: 'Embed Input', value: 'embed-input', description: 'Texts for an embed job' },
			{ name: 'Embed Result', value: 'embed-result' },
		],
		default: 'embed-input',
	},
	{
		displayName: 'Data From',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'All Input Items',
				value: 'items',
				description:
					'One JSONL row per item, built from its text (and kept fields): one dataset for all items',
			},
			{
				name: 'A Binary File',
				value: 'binary',
				description: 'A JSONL, CSV or TXT file of each item',
			},
		],
		default: 'items',
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		default: '={{ $json.text }}',
		description: 'The text of each row',
		displayOptions: { show: { source: ['items'] } },
	},
	{
		displayName: 'Binary Property',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		description: 'The binary property holding the file (.jsonl, .csv or .txt by its file name)',
		displayOptions: { show: { source: ['binary'] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['dataset'], operation: ['create'] } },
	properties,
);

function list(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

async function upload(
	this: IExecuteFunctions,
	itemIndex: number,
	file: { filename: string; contentType: string; content: Buffer },
): Promise<IDataObject> {
	const options = getOptions.call(this, itemIndex, optionsDescription);
	const name = getRequiredText.call(this, 'name', 'Name', itemIndex).trim();
	const settings = getRequestSettings.call(this, itemIndex);
	const id = await uploadDataset.call(
		this,
		itemIndex,
		{
			name,
			type: this.getNodeParameter('datasetType', itemIndex, 'embed-input') as string,
			file,
			keepFields: list(options.keepFields),
			optionalFields: list(options.optionalFields),
			skipMalformedInput: options.skipMalformedInput === true,
			csvDelimiter: options.csvDelimiter as string | undefined,
			textSeparator: options.textSeparator as string | undefined,
		},
		settings,
	);
	if (!options.waitForValidation) return { id };
	return await waitForValidation.call(
		this,
		id,
		itemIndex,
		{
			maxWaitSeconds: Number(options.maxWait ?? 600),
			firstDelayMs: Number(options.pollInterval ?? 2) * 1000,
		},
		settings,
	);
}

/**
 * From the input items, one dataset of all of them; from binary files, one dataset per item (run by the
 * per-item runner, as every per-item operation is).
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('source', 0) === 'items') return await executeFromItems.call(this);
	return await processItems.call(this, execute);
}

/** One dataset from the text of all input items. */
export async function executeFromItems(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const text = perItemParameter.call(this, 'text');
	const options = getOptions.call(this, 0, optionsDescription);
	const kept = [...list(options.keepFields), ...list(options.optionalFields)];
	const rows = items.map((item, itemIndex) => {
		const value = requireText.call(this, text(itemIndex), 'Text', itemIndex);
		const extra = Object.fromEntries(
			kept.filter((field) => field in item.json).map((field) => [field, item.json[field]]),
		);
		return JSON.stringify({
			...extra,
			text: value,
		});
	});
	const dataset = await upload.call(this, 0, {
		filename: 'items.jsonl',
		contentType: 'application/jsonl',
		content: Buffer.from(rows.join('\n') + '\n'),
	});
	return [{ json: dataset, pairedItem: items.map((_, item) => ({ item })) }];
}

/** One dataset per item, from its binary file. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const property = String(this.getNodeParameter('binaryProperty', itemIndex, 'data')).trim();
	const binary = inputBinary.call(this, itemIndex, property, 'Binary Property');
	const filename = binary.fileName ?? `${property}.jsonl`;
	if (!/\.(jsonl|csv|txt)$/i.test(filename)) {
		throw new NodeOperationError(
			this.getNode(),
			`The file "${filename}" of item ${itemIndex} is not .jsonl, .csv or .txt`,
			{
				itemIndex,
				description:
					'Cohere datasets are uploaded as JSONL, CSV or TXT files; set the file name accordingly.',
			},
		);
	}
	const content = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	return [
		{
			json: await upload.call(this, itemIndex, {
				filename,
				contentType: binary.mimeType || 'application/octet-stream',
				content,
			}),
		},
	];
}
