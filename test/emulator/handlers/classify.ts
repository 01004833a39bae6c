/* POST /v1/classify. */
import type { EmulatorResponse, Json } from './common';
import { LIMITS, apiVersion, invalid, ok, overlap, requireModel } from './common';

export function classify(body: Json): EmulatorResponse {
	const inputs = body.inputs as unknown[] | undefined;
	if (!Array.isArray(inputs) || inputs.length === 0) throw invalid('inputs must not be empty.');
	if (inputs.length > LIMITS.classifyInputs)
		throw invalid(
			`inputs cannot have more than ${LIMITS.classifyInputs} elements, but got ${inputs.length}.`,
		);
	if (inputs.some((t) => typeof t !== 'string' || t.trim() === ''))
		throw invalid('inputs must not contain empty strings.');
	if (body.model !== undefined) requireModel(body, 'classify');
	const examples = (body.examples as Array<{ text: string; label: string }> | undefined) ?? [];
	const labels = [...new Set(examples.map((e) => e.label))].sort();
	if (labels.length < 2) throw invalid('examples must contain at least 2 different labels.');
	const short = labels.filter((label) => examples.filter((e) => e.label === label).length < 2);
	if (short.length)
		throw invalid(
			`each unique label must have at least 2 examples. Not enough examples for: ${short.join(', ')}`,
		);
	const classifications = (inputs as string[]).map((input, i) => {
		const scores = labels.map(
			(label) =>
				0.05 +
				examples.filter((e) => e.label === label).reduce((s, e) => s + overlap(input, e.text), 0),
		);
		const total = scores.reduce((a, b) => a + b, 0);
		const confidences = scores.map((s) => Math.round((s / total) * 1e4) / 1e4);
		const best = confidences.indexOf(Math.max(...confidences));
		return {
			id: `clf-${i + 1}`,
			input,
			prediction: labels[best],
			predictions: [labels[best]],
			confidence: confidences[best],
			confidences: [confidences[best]],
			labels: Object.fromEntries(labels.map((label, j) => [label, { confidence: confidences[j] }])),
			classification_type: 'single-label',
		};
	});
	return ok({
		id: 'classify-emulator',
		classifications,
		meta: { api_version: apiVersion('1'), billed_units: { classifications: inputs.length } },
	});
}
