/* POST /v2/rerank and /v1/rerank. */
import type { EmulatorResponse, Json } from './common';
import { LIMITS, apiVersion, invalid, ok, overlap, requireModel, seededNumbers } from './common';

export function rerank(body: Json): EmulatorResponse {
	requireModel(body, 'rerank');
	if (typeof body.query !== 'string' || body.query.trim() === '')
		throw invalid("required 'query' param is missing or empty.");
	const documents = body.documents as unknown[] | undefined;
	if (!Array.isArray(documents) || documents.length === 0)
		throw invalid('documents must not be empty.');
	if (documents.length > LIMITS.rerankDocuments)
		throw invalid(
			`too many documents: ${documents.length}, the maximum is ${LIMITS.rerankDocuments}.`,
		);
	const texts = documents.map((d) =>
		typeof d === 'string' ? d : String((d as Json).text ?? JSON.stringify(d)),
	);
	const results = texts
		.map((text, index) => ({
			index,
			relevance_score:
				Math.round(
					(overlap(body.query as string, text) * 0.9 + seededNumbers(text, 1)[0] * 0.1) * 1e6,
				) / 1e6,
		}))
		.sort((a, b) => b.relevance_score - a.relevance_score || a.index - b.index)
		.slice(0, body.top_n === undefined ? undefined : Number(body.top_n));
	return ok({
		id: 'rerank-emulator',
		results,
		meta: { api_version: apiVersion('2'), billed_units: { search_units: 1 } },
	});
}
