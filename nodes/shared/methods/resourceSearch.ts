/** Dropdowns of the account's own resources: datasets, embed jobs and batches. */
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { dropdownRequest, matches } from './dropdown';

/** Datasets per dropdown page (`limit`/`offset` of `GET /v1/datasets`). */
export const DATASET_PAGE_SIZE = 100;

/**
 * The account's datasets, newest as Cohere lists them, each with its type and validation status. Pages by
 * `offset`; a typed filter matches the name or the ID, searching every page.
 */
export async function searchDatasets(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchItems[] = [];
	let offset = Number(paginationToken) || 0;
	for (;;) {
		const page = await (dropdownRequest<{ datasets?: IDataObject[] }>).call(
			this,
			'datasets',
			'/v1/datasets',
			{ limit: DATASET_PAGE_SIZE, offset },
		);
		const datasets = page.datasets ?? [];
		for (const dataset of datasets) {
			if (!matches(filter, dataset.name, dataset.id)) continue;
			results.push({
				name: `${String(dataset.name ?? dataset.id)} (${[dataset.dataset_type, dataset.validation_status].filter(Boolean).join(', ')})`,
				value: String(dataset.id),
			});
		}
		offset += datasets.length;
		const more = datasets.length >= DATASET_PAGE_SIZE;
		if (!more) return { results };
		if (!filter?.trim()) return { results, paginationToken: String(offset) };
	}
}

/** The account's embed jobs (Cohere lists them all at once), each with its status; a filter matches name or ID. */
export async function searchEmbedJobs(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const response = await (dropdownRequest<{ embed_jobs?: IDataObject[] }>).call(
		this,
		'embed jobs',
		'/v1/embed-jobs',
	);
	return {
		results: (response.embed_jobs ?? [])
			.filter((job) => matches(filter, job.name, job.job_id))
			.map((job) => ({
				name: `${String(job.name || job.job_id)} (${String(job.status ?? 'unknown')})`,
				value: String(job.job_id),
			})),
	};
}

/** Batches per dropdown page (`page_size` of `GET /v2/batches`; Cohere's own default is 50). */
export const BATCH_PAGE_SIZE = 100;

/** The account's batches, newest first, each with its status; a filter matches name or ID. */
export async function searchBatches(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const results: INodeListSearchResult['results'] = [];
	let token = paginationToken;
	for (;;) {
		const page = await (dropdownRequest<{
			batches?: IDataObject[];
			next_page_token?: string;
		}>).call(this, 'batches', '/v2/batches', {
			page_size: BATCH_PAGE_SIZE,
			order_by: 'created_at',
			...(token ? { page_token: token } : {}),
		});
		for (const batch of page.batches ?? []) {
			if (!matches(filter, batch.name, batch.id)) continue;
			const status = String(batch.status ?? '')
				.replace(/^BATCH_STATUS_/, '')
				.toLowerCase();
			results.push({
				name: `${String(batch.name || batch.id)} (${status || 'unknown'})`,
				value: String(batch.id),
			});
		}
		token = page.next_page_token || undefined;
		if (!token) return { results };
		// Without a filter, page by page as the user scrolls; with one, every page (matches may be anywhere).
		if (!filter?.trim()) return { results, paginationToken: token };
	}
}
