/** The resource locators: a model from a searchable list, or an ID of what the account has. */
import type { INodeProperties } from 'n8n-workflow';

/** The model dropdowns: the shared `listSearch` methods, one per endpoint family (it must have exactly these). */
export type ModelSearchMethod =
	| 'searchTranscribeModels'
	| 'searchParseModels'
	| 'searchAllModels'
	| 'searchChatModels'
	| 'searchEmbedModels'
	| 'searchRerankModels'
	| 'searchClassifyModels'
	| 'searchGenerateModels'
	| 'searchSummarizeModels';

/**
 * An ID field as a resource locator: pick from a searchable list of what the account has, or type the ID.
 * A value saved as a plain string (before the field was a locator) is still read as the ID.
 */
export function idLocator(field: {
	displayName: string;
	name: string;
	searchListMethod: string;
	placeholder: string;
	defaultValue?: string;
	description?: string;
}): INodeProperties {
	return {
		displayName: field.displayName,
		name: field.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: field.defaultValue ?? '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: field.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: field.placeholder,
			},
		],
		...(field.description ? { description: field.description } : {}),
	};
}

/** A model field: pick from the account's models, or type any ID (fine-tuned or just released). */
export function modelLocator(
	searchListMethod: ModelSearchMethod,
	defaultModel: string,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		...idLocator({
			displayName: 'Model',
			name: 'model',
			searchListMethod,
			placeholder: 'e.g. command-a-03-2025',
			defaultValue: defaultModel,
			description: 'The Cohere model to use. Deprecated models are marked in the list.',
		}),
		...extra,
	};
}
