import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asText } from '../../shared/helpers/parameters';

/** The text of one item to classify; empty ones are refused before any request. */
export function readInput(
	this: IExecuteFunctions,
	input: (itemIndex: number) => unknown,
	itemIndex: number,
): string {
	const text = asText(input(itemIndex));
	if (!text.trim()) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Input" is empty in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	return text;
}
