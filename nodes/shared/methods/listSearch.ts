import { NodeOperationError } from 'n8n-workflow';
import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import type { CohereModel, ModelEndpoint } from '../helpers/models';
import { fetchModelPages } from '../helpers/models';
import { DROPDOWN_SETTINGS } from '../transport';

/** Matches what the user typed, sorts current models first, and marks fine-tuned and deprecated ones. */
export function toSearchResults(models: CohereModel[], filter?: string): INodeListSearchResult {
	const needle = filter?.trim().toLowerCase();
	const results: INodeListSearchItems[] = models
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
	return { results };
}

function searchFor(endpoint?: ModelEndpoint) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		let pages;
		try {
			// A short timeout: a dropdown must not spin for minutes on a hanging gateway.
			pages = await fetchModelPages.call(this, { endpoint, settings: DROPDOWN_SETTINGS });
		} catch (error) {
			throw new NodeOperationError(
				this.getNode(),
				`Could not load the models: ${(error as Error).message}`,
				{ description: (error as { description?: string }).description },
			);
		}
		return toSearchResults(
			pages.flatMap((page) => page.models ?? []),
			filter,
		);
	};
}

/** One model search per endpoint family, shared by every node's model field. */
export const listSearch = {
	searchAllModels: searchFor(),
	searchChatModels: searchFor('chat'),
	searchEmbedModels: searchFor('embed'),
	searchRerankModels: searchFor('rerank'),
	searchClassifyModels: searchFor('classify'),
	searchGenerateModels: searchFor('generate'),
	searchSummarizeModels: searchFor('summarize'),
};
