import { NodeOperationError } from 'n8n-workflow';
import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { CohereModel, ListModelsPage, ModelEndpoint } from '../helpers/models';
import { fetchModelPages } from '../helpers/models';
import { cohereApiRequest, DROPDOWN_SETTINGS } from '../transport';

/** Models per dropdown page: all of Cohere's list fits in one, a gateway that pages smaller is followed page by page. */
export const DROPDOWN_PAGE_SIZE = 100;

/** What a dropdown loads, its failure said as "Could not load the <what>: <reason>" with the API's description. */
async function forDropdown<T>(
	this: ILoadOptionsFunctions,
	what: string,
	load: () => Promise<T>,
): Promise<T> {
	try {
		return await load();
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`Could not load the ${what}: ${(error as Error).message}`,
			{ description: (error as { description?: string }).description },
		);
	}
}

/** Matches what the user typed, sorts current models first, and marks fine-tuned and deprecated ones. */
export function toSearchResults(models: CohereModel[], filter?: string): INodeListSearchItems[] {
	const needle = filter?.trim().toLowerCase();
	return models
		.filter((model) => !needle || model.name.toLowerCase().includes(needle))
		.sort(
			(a, b) =>
				Number(a.is_deprecated ?? false) - Number(b.is_deprecated ?? false) ||
				a.name.localeCompare(b.name),
		)
		.map((model) => ({
			name: `${model.name}${model.finetuned ? ' (fine-tuned)' : ''}${model.is_deprecated ? ' (deprecated)' : ''}`,
			value: model.name,
		}));
}

export interface ModelSearchQuery {
	endpoint?: ModelEndpoint;
	filter?: string;
	/** The `next_page_token` of the page before (n8n's `paginationToken`). */
	pageToken?: string;
	pageSize?: number;
}

/**
 * One page of a model dropdown. Without a filter it reads one page of `GET /v1/models` (from `pageToken`)
 * and hands Cohere's `next_page_token` to the editor, which asks for the next page when the user scrolls;
 * with a filter it searches every page, since a match may be on any of them.
 */
export async function searchModels(
	this: ILoadOptionsFunctions,
	query: ModelSearchQuery,
): Promise<INodeListSearchResult> {
	const filter = query.filter?.trim() || undefined;
	const pages = await (forDropdown<ListModelsPage[]>).call(
		this,
		'models',
		async () =>
			// A short timeout: a dropdown must not spin for minutes on a hanging gateway.
			await fetchModelPages.call(this, {
				endpoint: query.endpoint,
				pageSize: query.pageSize ?? DROPDOWN_PAGE_SIZE,
				pageToken: filter ? undefined : query.pageToken,
				maxPages: filter ? undefined : 1,
				settings: DROPDOWN_SETTINGS,
			}),
	);
	const results = toSearchResults(
		pages.flatMap((page) => page.models ?? []),
		filter,
	);
	const paginationToken = filter ? undefined : pages[pages.length - 1]?.next_page_token;
	return paginationToken ? { results, paginationToken } : { results };
}

function searchFor(endpoint?: ModelEndpoint) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		return await searchModels.call(this, { endpoint, filter, pageToken: paginationToken });
	};
}

/**
 * Cohere's transcription models. `GET /v1/models` has no endpoint family for them (its `endpoint` filter and
 * a model's `endpoints` know chat, embed, rerank, classify, summarize, rate and generate), so every page is
 * read and the models are picked by name, or by an endpoint that names audio if a deployment lists one.
 */
async function searchTranscribeModels(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const pages = await (forDropdown<ListModelsPage[]>).call(
		this,
		'models',
		async () => await fetchModelPages.call(this, { settings: DROPDOWN_SETTINGS }),
	);
	const models = pages
		.flatMap((page) => page.models ?? [])
		.filter(
			(model) =>
				/transcri/i.test(model.name) ||
				(model.endpoints ?? []).some((endpoint) => /audio|transcri/i.test(endpoint)),
		);
	return { results: toSearchResults(models, filter?.trim() || undefined) };
}

/** One model search per endpoint family, shared by every node's model field. */
export const listSearch = {
	searchTranscribeModels,
	searchAllModels: searchFor(),
	searchChatModels: searchFor('chat'),
	searchEmbedModels: searchFor('embed'),
	searchRerankModels: searchFor('rerank'),
	searchClassifyModels: searchFor('classify'),
	searchGenerateModels: searchFor('generate'),
	searchSummarizeModels: searchFor('summarize'),
};

/** Datasets per dropdown page (`limit`/`offset` of `GET /v1/datasets`). */
export const DATASET_PAGE_SIZE = 100;

function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = filter?.trim().toLowerCase();
	return (
		!needle ||
		texts.some((text) =>
			String(text ?? '')
				.toLowerCase()
				.includes(needle),
		)
	);
}

/** One GET for a dropdown, with the dropdowns' short timeout. */
async function dropdownRequest<T>(
	this: ILoadOptionsFunctions,
	what: string,
	path: string,
	qs?: IDataObject,
): Promise<T> {
	return await (forDropdown<T>).call(
		this,
		what,
		async () =>
			(await cohereApiRequest.call(this, {
				method: 'GET',
				path,
				qs,
				settings: DROPDOWN_SETTINGS,
			})) as T,
	);
}

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
