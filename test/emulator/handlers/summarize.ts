/* POST /v1/summarize. */
import type { EmulatorResponse, Json } from './common';
import { apiVersion, countTokens, invalid, ok, requireModel } from './common';

export function summarize(body: Json): EmulatorResponse {
	if (typeof body.text !== 'string' || body.text.trim() === '')
		throw invalid("required 'text' param is missing or empty.");
	if (body.text.length < 250) throw invalid('text must be at least 250 characters.');
	if (
		body.length !== undefined &&
		!['short', 'medium', 'long', 'auto'].includes(body.length as string)
	)
		throw invalid("length must be one of 'short', 'medium', or 'long'.");
	if (
		body.format !== undefined &&
		!['paragraph', 'bullets', 'auto'].includes(body.format as string)
	)
		throw invalid("format must be one of 'paragraph', or 'bullets'.");
	if (body.model !== undefined) requireModel(body, 'summarize');
	const sentences = body.text.match(/[^.!?]+[.!?]/g) ?? [body.text];
	const count = body.length === 'long' ? 4 : body.length === 'medium' ? 3 : 2;
	const picked = sentences.slice(0, count).map((s) => s.trim());
	const summary =
		body.format === 'bullets' ? picked.map((s) => `- ${s}`).join('\n') : picked.join(' ');
	return ok({
		id: 'summarize-emulator',
		summary,
		meta: {
			api_version: apiVersion('1'),
			billed_units: { input_tokens: countTokens(body.text), output_tokens: countTokens(summary) },
		},
	});
}
