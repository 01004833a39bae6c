import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { EmbedEntry } from '../../shared/cohere/embedBatches';
import { asText, emptyParameterError } from '../../shared/parameters/parameters';

/** The text of each item; one definition for both API forms (the value carries over when the API changes). */
export const textProperty: INodeProperties = {
	displayName: 'Text',
	name: 'text',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '={{ $json.text }}',
	description: 'The text of each item to embed',
};

/** The text of one item; an empty one is skipped when asked, refused otherwise. */
export function readText(
	this: IExecuteFunctions,
	itemIndex: number,
	skipEmpty: boolean,
	text: (itemIndex: number) => unknown,
): EmbedEntry | 'skip' {
	const value = asText(text(itemIndex));
	if (!value.trim()) {
		if (skipEmpty) return 'skip';
		throw emptyParameterError.call(
			this,
			'Text',
			itemIndex,
			'Give the "Text" a value, or turn on "Skip Empty Texts" in the options.',
		);
	}
	return { itemIndex, text: value };
}
