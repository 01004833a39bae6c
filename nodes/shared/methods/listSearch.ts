import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { CohereModel, ListModelsPage, ModelEndpoint } from '../cohere/models';
import { fetchModelPages } from '../cohere/models';
import { DROPDOWN_SETTINGS } from '../transport';
import { forDropdown, matches } from './dropdown';
import type { ModelSearchMethod } from '../descriptions/locators';

/** Models per dropdown page: all of Cohere's list fits in one, a gateway that pages smaller is followed page by page. */
export const DROPDOWN_PAGE_SIZE = 100;

/** Matches what the user typed, sorts current models first, and marks fine-tuned and deprecated ones. */
export function toSearchResults(models: CohereModel[], filter?: string): INodeListSearchItems[] {
	return models
		.filter((model) => matches(filter, model.name))
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
 * Models of an API that `GET /v1/models` has no endpoint family for (its `endpoint` filter and a model's
 * `endpoints` know chat, embed, rerank, classify, summarize, rate and generate): transcription and parse.
 * Every page is read and the models are picked by name, or by an endpoint that names the API if a
 * deployment lists one.
 */
function searchByName(name: RegExp, endpoint: RegExp = name) {
	return async function (
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
					name.test(model.name) || (model.endpoints ?? []).some((listed) => endpoint.test(listed)),
			);
		return { results: toSearchResults(models, filter?.trim() || undefined) };
	};
}

/** One model search per endpoint family, shared by every node's model field. */
export const listSearch = {
	searchTranscribeModels: searchByName(/transcri/i, /audio|transcri/i),
	searchParseModels: searchByName(/parse/i),
	searchAllModels: searchFor(),
	searchChatModels: searchFor('chat'),
	searchEmbedModels: searchFor('embed'),
	searchRerankModels: searchFor('rerank'),
	searchClassifyModels: searchFor('classify'),
	searchGenerateModels: searchFor('generate'),
	searchSummarizeModels: searchFor('summarize'),
} satisfies Record<ModelSearchMethod, unknown>;
