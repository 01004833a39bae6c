import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	jsonSchemaProperty,
	modelLocator,
	promptProperty,
	responseFormatProperty,
	systemMessageProperty,
} from '../../shared/descriptions';
import { chatAnswer, chatBody, getJsonSchema, responseFormatBody } from '../../shared/cohere/chat';
import { uploadDataset, waitForValidation } from '../../shared/cohere/datasets';
import { getOptions } from '../../shared/parameters/numbers';
import { asText, getModelId, getRequiredText } from '../../shared/parameters/parameters';
import { asItemError, errorItem } from '../../shared/run/itemErrors';
import { getRequestSettings } from '../../shared/transport';
import type { Batch } from '../../shared/transport/responses';
import { createBatch, readBatchResults, waitForBatch } from '../../shared/cohere/batches';
import { optionsDescription } from './options.description';

const properties: INodeProperties[] = [
	modelLocator('searchChatModels', 'command-a-03-2025', {
		description: 'The chat model that answers every item (a batch has one model)',
	}),
	{
		...promptProperty,
		placeholder: 'e.g. Classify this support ticket: {{ $json.body }}',
		description: 'The user message of each item: map it from the item with an expression',
	},
	systemMessageProperty,
	responseFormatProperty,
	jsonSchemaProperty,
	{
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to return the answer's text, finish reason and usage instead of Cohere's whole response",
	},
];

export const description = updateDisplayOptions({ show: { operation: ['runChat'] } }, properties);

/** Whether a parameter is an expression, which may give each item its own value. */
function isExpression(this: IExecuteFunctions, name: string): boolean {
	const raw = this.getNode().parameters[name] as unknown;
	const value =
		raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
	return typeof value === 'string' && value.startsWith('=');
}

/** One line of the batch-chat-v2-input dataset: the item's index as custom_id, a chat v2 body without model. */
function chatRecord(
	this: IExecuteFunctions,
	itemIndex: number,
	model: { id: string; perItem: boolean },
): IDataObject {
	if (model.perItem) {
		const own = getModelId.call(this, itemIndex);
		if (own !== model.id) {
			throw new NodeOperationError(
				this.getNode(),
				`The parameter "Model" gives "${own}" for item ${itemIndex}, but the batch runs "${model.id}" (item 0's)`,
				{ itemIndex, description: 'A Cohere batch has one model: give every item the same one.' },
			);
		}
	}
	const options = getOptions.call(this, itemIndex, optionsDescription);
	const prompt = getRequiredText.call(this, 'prompt', 'Prompt', itemIndex);
	const system = asText(this.getNodeParameter('systemMessage', itemIndex, '')).trim();
	const format = this.getNodeParameter('responseFormat', itemIndex, 'text') as string;
	// Content as text parts: the form batch clients send, and one the live chat API takes too.
	const messages = [
		...(system ? [{ role: 'system', content: [{ type: 'text', text: system }] }] : []),
		{ role: 'user', content: [{ type: 'text', text: prompt }] },
	];
	return {
		custom_id: String(itemIndex),
		body: chatBody(
			{
				messages,
				responseFormat: responseFormatBody(
					format,
					() => getJsonSchema.call(this, itemIndex),
					'cohere',
				),
			},
			options,
		),
	};
}

/**
 * Run for All Items: every item becomes one record of a batch-chat-v2-input dataset; the batch is created,
 * waited for, and its output read back and paired to the items by custom_id. Items refused before sending,
 * and records Cohere could not answer, become error items with Continue On Fail; the others go on.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const continueOnFail = this.continueOnFail();
	const options = getOptions.call(this, 0, optionsDescription);
	const settings = getRequestSettings.call(this, 0);
	const model = getModelId.call(this, 0);
	// Only an expression can give items different models; a fixed model is read once.
	const models = { id: model, perItem: isExpression.call(this, 'model') };
	const output: Array<INodeExecutionData | undefined> = new Array(items.length);

	const lines: string[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			lines.push(JSON.stringify(chatRecord.call(this, itemIndex, models)));
		} catch (error) {
			if (!continueOnFail) throw asItemError.call(this, error, itemIndex);
			output[itemIndex] = errorItem(asItemError.call(this, error, itemIndex), itemIndex);
		}
	}
	if (lines.length === 0) return output as INodeExecutionData[];

	const name = String(options.batchName ?? 'n8n-batch').trim() || 'n8n-batch';
	const wait = {
		maxWaitSeconds: Number(options.maxWait ?? 3600),
		firstDelayMs: Number(options.pollInterval ?? 5) * 1000,
	};
	const datasetId = await uploadDataset.call(
		this,
		0,
		{
			name: `${name}-input`,
			type: 'batch-chat-v2-input',
			file: {
				filename: `${name}.jsonl`,
				contentType: 'application/jsonl',
				content: Buffer.from(lines.join('\n') + '\n'),
			},
			keepFields: ['custom_id'],
		},
		settings,
	);
	await waitForValidation.call(this, datasetId, 0, wait, settings);
	const created = await createBatch.call(
		this,
		{ name, inputDatasetId: datasetId, model },
		0,
		settings,
	);
	const batchId = String(created.id ?? '');
	if (!batchId)
		throw new NodeOperationError(this.getNode(), 'Cohere created a batch but gave no ID', {
			description: `Answer: ${JSON.stringify(created).slice(0, 300)}`,
		});
	const batch: Batch = await waitForBatch.call(
		this,
		batchId,
		0,
		{ ...wait, cancelOnTimeout: options.cancelOnTimeout !== false },
		settings,
	);
	if (batch.status !== 'BATCH_STATUS_COMPLETED') {
		const status = String(batch.status)
			.replace(/^BATCH_STATUS_/, '')
			.toLowerCase();
		throw new NodeOperationError(
			this.getNode(),
			`Batch ${batchId} ${status === 'canceled' ? 'was cancelled' : 'failed'}`,
			{
				description: batch.status_reason || `Status: ${String(batch.status)}`,
			},
		);
	}

	const expected = items.map((_, itemIndex) => output[itemIndex] === undefined);
	const results = await readBatchResults.call(this, batch, expected);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		if (!expected[itemIndex]) continue;
		const result = results[itemIndex];
		try {
			if (!result)
				throw new NodeOperationError(
					this.getNode(),
					`Batch ${batchId} has no result for item ${itemIndex}`,
					{
						itemIndex,
						description: "Cohere's output dataset holds no record with this custom_id.",
					},
				);
			if (result.error !== undefined || !result.response)
				throw new NodeOperationError(
					this.getNode(),
					`Cohere could not answer item ${itemIndex} in batch ${batchId}`,
					{ itemIndex, description: result.error ?? 'No reason given' },
				);
			output[itemIndex] = {
				json: chatAnswer.call(
					this,
					itemIndex,
					result.response,
					this.getNodeParameter('responseFormat', itemIndex, 'text') as string,
				),
				pairedItem: { item: itemIndex },
			};
		} catch (error) {
			if (!continueOnFail) throw asItemError.call(this, error, itemIndex);
			output[itemIndex] = errorItem(asItemError.call(this, error, itemIndex), itemIndex);
		}
	}
	return output as INodeExecutionData[];
}
