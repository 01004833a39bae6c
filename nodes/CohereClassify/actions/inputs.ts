import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The text of one item to classify; empty ones are refused before any request. */
export function readInput(
	context: IExecuteFunctions,
	input: (itemIndex: number) => unknown,
	itemIndex: number,
): string {
	const raw = input(itemIndex);
	const text =
		raw === undefined || raw === null ? '' : typeof raw === 'string' ? raw : JSON.stringify(raw);
	if (!text.trim()) {
		throw new NodeOperationError(
			context.getNode(),
			`The parameter "Input" is empty in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	return text;
}
