/**
 * The documented connector samples (`../shared/reference/connector-operations-sample-payloads.txt`) that
 * the emulator replays exactly as written, although their outputs break Cohere's spec: our nodes must
 * reproduce the samples, so the emulator answers them as documented. Each entry says how the sample breaks
 * the spec. No other answer of the emulator may break it (test/contract/contract.test.ts checks both ways: every
 * entry here still breaks it, and nothing else does).
 */
export const SAMPLE_DRIFT: Record<string, string> = {
	'Generate Chat (Beta)':
		'finish_reason "max_tokens" where the spec has "MAX_TOKENS"; generation_id values such as ' +
		'"gen-2023-05-15-12-34-56-789" where the spec has UUIDs',
	'Generate Classification':
		'classification_type "multiclass" where the spec has "single-label" or "multi-label"; ' +
		'meta.api_version.version is the number 1 where the spec has a string',
	'Generate Text Embeddings':
		'response_type "text_embedding" (the spec has "embeddings_floats" or "embeddings_by_type") and ' +
		'embeddings as an array of vectors, the v1 shape, answered on /v2/embed, whose spec answer has ' +
		'embeddings by type',
	'Generate Tokens': 'meta.api_version.version is the number 1 where the spec has a string',
	'Generate Detokenized Text':
		'meta.api_version.version is the number 1 where the spec has a string',
	'Raw HTTP request (advanced)':
		'a classify answer without id, predictions, confidences or classification_type, with labels as ' +
		'numbers ("positive": 0.9876) where the spec has objects ({ "confidence": 0.9876 })',
};
