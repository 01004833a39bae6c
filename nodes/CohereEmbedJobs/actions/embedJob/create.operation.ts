import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import {
	embeddingTypesProperty,
	inputTypeProperty,
	modelLocator,
} from '../../../shared/descriptions';
import { compact, getModelId, getPathSegment } from '../../../shared/parameters/parameters';
import { TEXT_INPUT_TYPES } from '../../../shared/limits';
import { failedValidation, getDataset, readDatasetRows } from '../../../shared/cohere/datasets';
import { pollUntil } from '../../../shared/cohere/poll';
import { cohereApiRequest } from '../../../shared/transport';
import { datasetIdProperty, getJob } from '../../helpers/fields';
import { getOptions } from '../../../shared/parameters/numbers';
import { optionsDescription } from '../options.description';
import type { CreateEmbedJobResponse } from '../../../shared/transport/responses';

const properties: INodeProperties[] = [
	{ ...datasetIdProperty, description: 'The validated embed-input dataset to embed' },
	modelLocator('searchEmbedModels', 'embed-v4.0'),
	{
		...inputTypeProperty,
		// Embed jobs embed the texts of a dataset: no images.
		options: TEXT_INPUT_TYPES,
		description: 'What the embeddings are for',
	},
	embeddingTypesProperty,
	{
		displayName: 'Job Name',
		name: 'jobName',
		type: 'string',
		default: '',
		description: 'Optional name of the embed job',
	},
	{
		displayName: 'Truncate',
		name: 'truncate',
		type: 'options',
		options: [
			{ name: 'End', value: 'END' },
			{ name: 'Start', value: 'START' },
		],
		default: 'END',
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to poll the job (with backoff) until it is complete, failed or cancelled, up to "Max Wait" in the options',
	},
	{
		displayName: 'Output Embedded Rows',
		name: 'downloadResults',
		type: 'boolean',
		default: false,
		description: "Whether to download the job's output dataset and emit one item per embedded row",
		displayOptions: { show: { waitForCompletion: [true] } },
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['embedJob'], operation: ['create'] } },
	properties,
);

const FINAL = ['complete', 'failed', 'cancelled'];

/** A job on a dataset that is still validating, or failed validation, is refused with the reason. */
async function checkDatasetReady(
	this: IExecuteFunctions,
	datasetId: string,
	itemIndex: number,
): Promise<void> {
	const dataset = await getDataset.call(this, datasetId, itemIndex);
	const status = String(dataset.validation_status ?? '');
	if (status === 'failed') throw failedValidation.call(this, dataset, itemIndex);
	if (status === 'queued' || status === 'processing') {
		throw new NodeOperationError(
			this.getNode(),
			`Dataset ${datasetId} is still being validated (status: ${status})`,
			{
				itemIndex,
				description:
					'Create the dataset with "Wait for Validation" on, or run the job once Get Dataset shows "validated".',
			},
		);
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const options = getOptions.call(this, itemIndex, optionsDescription);
	const model = getModelId.call(this, itemIndex);
	const datasetId = getPathSegment.call(this, 'datasetId', 'Dataset', itemIndex);
	await checkDatasetReady.call(this, datasetId, itemIndex);
	const types = this.getNodeParameter('embeddingTypes', itemIndex, ['float']) as string[];
	const created = await (cohereApiRequest<CreateEmbedJobResponse>).call(this, {
		method: 'POST',
		path: '/v1/embed-jobs',
		body: compact({
			model,
			dataset_id: datasetId,
			input_type: this.getNodeParameter('inputType', itemIndex) as string,
			embedding_types: types.length ? types : undefined,
			truncate: this.getNodeParameter('truncate', itemIndex, 'END') as string,
			name: (this.getNodeParameter('jobName', itemIndex, '') as string) || undefined,
		}),
		itemIndex,
	});
	if (!this.getNodeParameter('waitForCompletion', itemIndex, false)) return [{ json: created }];

	const jobId = String(created.job_id);
	const job = await pollUntil.call(
		this,
		async () => await getJob.call(this, jobId, itemIndex),
		(state) => FINAL.includes(String(state.status)),
		{
			maxWaitSeconds: Number(options.maxWait ?? 600),
			itemIndex,
			what: `Embed job ${jobId}`,
			firstDelayMs: Number(options.pollInterval ?? 2) * 1000,
		},
	);
	if (job.status === 'failed') {
		throw new NodeOperationError(this.getNode(), `Embed job ${jobId} failed`, {
			itemIndex,
			description: String(job.failure_reason ?? 'No reason given'),
		});
	}
	if (job.status !== 'complete' || !this.getNodeParameter('downloadResults', itemIndex, false))
		return [{ json: job }];
	const rows = await readDatasetRows.call(this, String(job.output_dataset_id), itemIndex);
	return rows.map((row) => ({ json: row }));
}
