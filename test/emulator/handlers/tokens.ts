/* POST /v1/tokenize and /v1/detokenize. */
import { findModel } from '../models';
import type { EmulatorResponse, Json } from './common';
import { ApiError, LIMITS, apiVersion, invalid, ok, seededNumbers } from './common';

export const tokenPieces = (text: string) => text.match(/\s*\S+/g) ?? [];
export function tokenize(body: Json): EmulatorResponse {
	if (typeof body.text !== 'string' || body.text === '')
		throw invalid("required 'text' param is missing or empty.");
	if (body.text.length > LIMITS.tokenizeChars)
		throw invalid(
			`text is too long: ${body.text.length} characters, the maximum is ${LIMITS.tokenizeChars}.`,
		);
	if (typeof body.model !== 'string' || !body.model)
		throw invalid('a model parameter is required for this endpoint.');
	if (!findModel(body.model))
		throw new ApiError(
			404,
			`model '${body.model}' not found, make sure the correct model ID was used and that you have access to the model.`,
		);
	const pieces = tokenPieces(body.text);
	return ok({
		tokens: pieces.map((p) => 1000 + Math.floor(seededNumbers(p, 1)[0] * 60000)),
		token_strings: pieces,
		meta: { api_version: apiVersion('1') },
	});
}

export function detokenize(body: Json): EmulatorResponse {
	if (!Array.isArray(body.tokens) || body.tokens.length === 0)
		throw invalid('tokens must not be empty.');
	if (typeof body.model !== 'string' || !body.model)
		throw invalid('a model parameter is required for this endpoint.');
	return ok({
		text: (body.tokens as number[]).map((t) => `<${t}>`).join(''),
		meta: { api_version: apiVersion('1') },
	});
}
