import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getJsonParameter } from '../../shared/parameters/parameters';

export type Example = {
	text: string;
	label: string;
};

/**
 * The labelled examples, from the list in the node or from an expression, checked the way Cohere checks
 * them: at least 2 labels, and at least 2 examples for each label. The legacy endpoint skips the second
 * check and leaves it to Cohere: its documented sample has a label with one example.
 */
export function getExamples(
	this: IExecuteFunctions,
	checkExamplesPerLabel = true,
): { examples: Example[]; labels: string[] } {
	const source = this.getNodeParameter('examplesSource', 0, 'list') as string;
	const raw =
		source === 'json'
			? getJsonParameter.call(this, 'examplesJson', 'Examples (JSON)', 0, [])
			: ((this.getNodeParameter('examples', 0, {}) as { values?: IDataObject[] }).values ?? []);
	if (!Array.isArray(raw)) {
		throw new NodeOperationError(
			this.getNode(),
			'The parameter "Examples (JSON)" must be an array of {"text", "label"} objects',
		);
	}
	const examples = raw.map((entry, index) => {
		const { text, label } = (entry ?? {}) as IDataObject;
		if (typeof text !== 'string' || !text.trim() || typeof label !== 'string' || !label.trim()) {
			throw new NodeOperationError(
				this.getNode(),
				`Example ${index + 1} needs a non-empty "text" and "label"`,
			);
		}
		return { text, label: label.trim() };
	});
	const labels = [...new Set(examples.map((e) => e.label))];
	if (labels.length < 2) {
		throw new NodeOperationError(
			this.getNode(),
			`The examples have ${labels.length} label${labels.length === 1 ? '' : 's'}; classification needs at least 2`,
		);
	}
	const thin = labels.filter((label) => examples.filter((e) => e.label === label).length < 2);
	if (checkExamplesPerLabel && thin.length) {
		throw new NodeOperationError(
			this.getNode(),
			`Each label needs at least 2 examples. Not enough examples for: ${thin.join(', ')}`,
		);
	}
	return { examples, labels };
}

/** The classification of one input in the shape of Cohere's classify result (confidences null where the method has none). */
export function classification(
	input: string,
	prediction: string,
	labels: string[],
	confidences?: Record<string, number>,
): IDataObject {
	const confidence = confidences?.[prediction] ?? null;
	return {
		input,
		prediction,
		predictions: [prediction],
		confidence,
		confidences: [confidence],
		labels: Object.fromEntries(
			labels.map((label) => [label, { confidence: confidences?.[label] ?? null }]),
		),
		classification_type: 'single-label',
	};
}
