/* Where this copy of Cohere's spec needs help: contradictions corrected and operations it lacks, each with
 * its reason or source, applied before checking (the vendored file itself stays as Cohere publishes it). */
import type { Json } from './openapi';

/**
 * Where the spec contradicts itself, the one correction applied before checking, each with its reason
 * (the vendored file itself stays as Cohere publishes it).
 */
export const SPEC_ERRATA: Array<{ schema: string; reason: string; fix: (schema: Json) => void }> = [
	{
		schema: 'EmbedByTypeResponse',
		reason:
			'`required` names `api_version`, a property the schema does not define: the API version is in ' +
			"`meta.api_version`, as the schema's own `meta` (ApiMeta) and EmbedFloatsResponse say.",
		fix: (schema) => {
			schema.required = (schema.required as string[]).filter((name) => name !== 'api_version');
		},
	},
	{
		schema: 'ParsePage',
		reason:
			'The discriminator maps `raw_generation` to ParseRawGenerationPageVariant, a schema the spec does ' +
			'not define (and `oneOf` does not list): only the markdown and blocks pages are documented.',
		fix: (schema) => {
			const mapping = (schema.discriminator as Json).mapping as Record<string, string>;
			delete mapping.raw_generation;
		},
	},
];

/**
 * Operations Cohere documents that this copy of the spec has no path for, though it has their schemas: each
 * added with its source, the request body written from Cohere's API reference, the answers held to the
 * spec's own schemas.
 */
export const SPEC_ADDITIONS: Array<{
	path: string;
	method: string;
	source: string;
	operation: Json;
}> = [
	{
		path: '/v2/parse',
		method: 'post',
		source:
			'docs.cohere.com/v2/reference/parse: POST /v2/parse with `model` (required), `document` ' +
			'(ParseDocument, required) and `output_format` (ParseOutputFormat); the answer is ParseResponse.',
		operation: {
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: {
							type: 'object',
							required: ['model', 'document'],
							additionalProperties: false,
							properties: {
								model: { type: 'string' },
								document: { $ref: '#/components/schemas/ParseDocument' },
								output_format: { $ref: '#/components/schemas/ParseOutputFormat' },
							},
						},
					},
				},
			},
			responses: {
				'200': {
					description: 'OK',
					content: {
						'application/json': { schema: { $ref: '#/components/schemas/ParseResponse' } },
					},
				},
				...Object.fromEntries(
					[
						['400', 'BadRequest'],
						['401', 'Unauthorized'],
						['404', 'NotFound'],
						['422', 'UnprocessableEntity'],
						['429', 'RateLimit'],
						['500', 'InternalServerError'],
						['503', 'ServiceUnavailable'],
					].map(([status, name]) => [status, { $ref: `#/components/responses/${name}` }]),
				),
			},
		},
	},
];

export function applyErrata(spec: Json): Json {
	const schemas = (spec.components as Json).schemas as Record<string, Json>;
	for (const erratum of SPEC_ERRATA) erratum.fix(schemas[erratum.schema]);
	const paths = spec.paths as Record<string, Json>;
	for (const addition of SPEC_ADDITIONS) {
		if (paths[addition.path]?.[addition.method])
			throw new Error(`The spec now has ${addition.path}: drop it from SPEC_ADDITIONS`);
		paths[addition.path] = { ...paths[addition.path], [addition.method]: addition.operation };
	}
	return spec;
}
