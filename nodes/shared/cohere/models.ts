import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import type { RequestSettings } from '../transport';
import { cohereApiRequest } from '../transport';

/** The endpoint families that `GET /v1/models?endpoint=` understands. */
export type ModelEndpoint = 'chat' | 'embed' | 'rerank' | 'classify' | 'generate' | 'summarize';

export interface CohereModel extends IDataObject {
	name: string;
	is_deprecated?: boolean;
	finetuned?: boolean;
	endpoints?: string[];
}

export interface ListModelsPage extends IDataObject {
	models?: CohereModel[];
	next_page_token?: string;
}

export interface ModelPagesQuery {
	endpoint?: string;
	defaultOnly?: boolean;
	pageSize?: number;
	pageToken?: string;
	/** Stop once this many models have been read. */
	limit?: number;
	/** Stop after this many pages (a dropdown reads one page at a time). */
	maxPages?: number;
	itemIndex?: number;
	settings?: RequestSettings;
}

/** Reads `GET /v1/models` page by page, following `next_page_token` until the end or the limit. */
export async function fetchModelPages(
	this: IExecuteFunctions | ILoadOptionsFunctions,
	query: ModelPagesQuery = {},
): Promise<ListModelsPage[]> {
	const limit = query.limit ?? Infinity;
	const pages: ListModelsPage[] = [];
	const seenTokens = new Set<string>();
	let pageToken = query.pageToken || undefined;
	let count = 0;
	do {
		const qs: IDataObject = { page_size: Math.min(query.pageSize ?? 1000, limit, 1000) };
		if (pageToken) qs.page_token = pageToken;
		if (query.endpoint) qs.endpoint = query.endpoint;
		if (query.defaultOnly) qs.default_only = true;
		const page = (await cohereApiRequest.call(this, {
			method: 'GET',
			path: '/v1/models',
			qs,
			itemIndex: query.itemIndex,
			settings: query.settings,
		})) as ListModelsPage;
		pages.push(page);
		count += page.models?.length ?? 0;
		pageToken = page.next_page_token || undefined;
		// A gateway that hands out the same token twice would otherwise loop forever.
		if (pageToken && seenTokens.has(pageToken)) break;
		if (pageToken) seenTokens.add(pageToken);
	} while (pageToken && count < limit && pages.length < (query.maxPages ?? Infinity));
	return pages;
}
