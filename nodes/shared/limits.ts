/*
 * Cohere's limits and fixed lists, in one place: every node and helper reads them from here. Sources: the
 * vendored OpenAPI spec (test/contract/cohere-openapi.yaml) and Cohere's docs (see the README).
 */

const MB = 1024 * 1024;

/** The image types Cohere takes in chat and embed requests. */
export const IMAGE_MIME_TYPES = ['image/png', 'image/jpeg', 'image/jpg', 'image/webp', 'image/gif'];

export const LIMITS = {
	/** POST /v2/embed: texts (or images) per request. */
	embedInputsPerRequest: 96,
	/** POST /v2/embed: one image for a v3 model, and all images of one request. */
	embedImageBytesV3: 5 * MB,
	embedRequestImageBytes: 20 * MB,
	/** POST /v1/classify: inputs per request. */
	classifyInputsPerRequest: 96,
	/** POST /v2/rerank: documents per request. */
	rerankDocumentsPerRequest: 1000,
	/** POST /v1/tokenize: characters of text. */
	tokenizeCharacters: 65_536,
	/** POST /v2/chat: images (and, on the compatibility API, files) per request, and their bytes in all. */
	chatFilesPerRequest: 20,
	chatRequestFileBytes: 20 * MB,
	/** POST /v2/audio/transcriptions: one audio file. */
	audioFileBytes: 25 * MB,
	/** POST /v2/parse: one document image (compressed, or decoded from a data URI). */
	parseImageBytes: 20 * MB,
	/** GET /v1/models and GET /v2/batches: the largest page. */
	largestPage: 1000,
} as const;

/**
 * The output dimensions a model takes, where Cohere documents them: embed-v4.0 in the OpenAPI spec; Embed 5
 * (released 2026-09-30, after our copy of the spec) from 256 to 2048, 2048 by default. Other models are
 * sent what the user chose, and Cohere answers.
 */
export const OUTPUT_DIMENSIONS: Record<string, number[]> = {
	'embed-v4.0': [256, 512, 1024, 1536],
	'embed-v5.0-pro': [256, 512, 768, 1024, 1536, 2048],
	'embed-v5.0-fast': [256, 512, 768, 1024, 1536, 2048],
};

/** What an embedding is for: Cohere embeds differently for each. */
export const EMBED_INPUT_TYPES = [
	{ name: 'Classification', value: 'classification' },
	{ name: 'Clustering', value: 'clustering' },
	{ name: 'Image', value: 'image' },
	{
		name: 'Search Document',
		value: 'search_document',
		description: 'Texts stored in a vector database',
	},
	{
		name: 'Search Query',
		value: 'search_query',
		description: 'Queries searched against stored documents',
	},
];

/** The input types of texts (all but "image"): embed jobs and vector stores embed texts only. */
export const TEXT_INPUT_TYPES = EMBED_INPUT_TYPES.filter((type) => type.value !== 'image');

/** The image types Cohere takes (chat, embed, parse), with how the binary reader names them in errors. */
export const IMAGE_TYPES = {
	mimeTypes: IMAGE_MIME_TYPES,
	accepted: 'PNG, JPEG, WebP or GIF images',
};

/** Images in one chat request (Chat v2 and OpenAI-compatible), as the binary reader checks them. */
export const CHAT_IMAGE_RULES = {
	...IMAGE_TYPES,
	parameterLabel: 'Image Binary Properties',
	maxFiles: LIMITS.chatFilesPerRequest,
	maxTotalBytes: LIMITS.chatRequestFileBytes,
};

/** A limit per minute on a trial key and on a production key. */
export interface KeyLimits {
	trial: number;
	production: number;
}

/**
 * Cohere's documented rate limits per key and minute (docs.cohere.com/v2/docs/rate-limits): chat per model,
 * embed by inputs (texts and images, images also in a bucket of their own), the rest by calls. Newer chat
 * variants (Command A Reasoning, Vision, Translate) keep a trial key's 20 even on a production key, and a
 * trial key has 1,000 calls a month. The pacer starts from these and learns the key's own from its answers.
 */
export const RATE_LIMITS = {
	windowMs: 60_000,
	chat: { trial: 20, production: 500 },
	embedInputs: { trial: 2000, production: 2000 },
	embedImages: { trial: 5, production: 400 },
	rerank: { trial: 10, production: 1000 },
	tokenize: { trial: 100, production: 2000 },
	embedJobs: { trial: 5, production: 50 },
	other: { trial: 500, production: 500 },
} satisfies Record<string, KeyLimits | number>;
