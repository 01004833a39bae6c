import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { idLocator } from '../../shared/descriptions';
import { cohereApiRequest } from '../../shared/transport';
import type { EmbedJob } from '../../shared/transport/responses';

/* What several Embed Jobs operations share: the Dataset and Embed Job fields, and reading a job. */

export const datasetIdProperty: INodeProperties = idLocator({
	displayName: 'Dataset',
	name: 'datasetId',
	searchListMethod: 'searchDatasets',
	placeholder: 'e.g. my-dataset-a1b2c3',
});

export const jobIdProperty: INodeProperties = idLocator({
	displayName: 'Embed Job',
	name: 'jobId',
	searchListMethod: 'searchEmbedJobs',
	placeholder: 'e.g. 1a2b3c4d-0000-4000-8000-000000000000',
});

export async function getJob(
	this: IExecuteFunctions,
	id: string,
	itemIndex: number,
): Promise<IDataObject> {
	return await (cohereApiRequest<EmbedJob>).call(this, {
		method: 'GET',
		path: `/v1/embed-jobs/${encodeURIComponent(id)}`,
		itemIndex,
	});
}
