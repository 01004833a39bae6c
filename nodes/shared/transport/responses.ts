/**
 * What Cohere answers, as its OpenAPI spec (test/contract/cohere-openapi.yaml) has it: the fields the nodes
 * read. Types, not interfaces, so that an answer can go into an item's JSON as it is. Every field is
 * optional here, even where the spec requires it: a gateway or an older deployment may leave one out, and
 * the nodes check what they need.
 */
import type { IDataObject } from 'n8n-workflow';

export type BilledUnits = {
	input_tokens?: number;
	output_tokens?: number;
	images?: number;
	image_tokens?: number;
	search_units?: number;
	classifications?: number;
};

/** `meta` of the v1 answers (and of embed and rerank). */
export type ApiMeta = {
	api_version?: IDataObject;
	billed_units?: BilledUnits;
	tokens?: { input_tokens?: number; output_tokens?: number };
	warnings?: string[];
};

/** `usage` of a v2 chat answer. */
export type Usage = {
	billed_units?: BilledUnits;
	tokens?: { input_tokens?: number; output_tokens?: number };
	cached_tokens?: number;
};

export type ToolCall = {
	id?: string;
	type?: string;
	function?: { name?: string; arguments?: string };
};

/** POST /v2/chat */
export type ChatResponse = {
	id?: string;
	finish_reason?: string;
	message?: {
		role?: string;
		content?: Array<{ type?: string; text?: string; thinking?: string }>;
		tool_plan?: string;
		tool_calls?: ToolCall[];
		citations?: IDataObject[];
	};
	usage?: Usage;
	logprobs?: IDataObject[];
};

/** POST /v1/chat */
export type ChatV1Response = {
	text?: string;
	generation_id?: string;
	response_id?: string;
	finish_reason?: string;
	citations?: IDataObject[];
	documents?: IDataObject[];
	search_queries?: IDataObject[];
	search_results?: IDataObject[];
	tool_calls?: IDataObject[];
	chat_history?: IDataObject[];
	meta?: ApiMeta;
};

/** POST /v1/generate */
export type GenerateResponse = {
	id?: string;
	prompt?: string;
	generations?: Array<{
		id?: string;
		text?: string;
		index?: number;
		likelihood?: number;
		/** Not in the spec (and not sent by Cohere); some older deployments and gateways send it. */
		finish_reason?: string;
	}>;
	meta?: ApiMeta;
};

/** POST /v2/embed: by type (`float`, `int8`...), or, from older deployments, the v1 list of floats. */
export type EmbedResponse = {
	id?: string;
	response_type?: string;
	embeddings?: Record<string, unknown[]> | number[][];
	texts?: string[];
	images?: IDataObject[];
	meta?: ApiMeta;
};

/** POST /v2/rerank */
export type RerankResponse = {
	id?: string;
	results?: Array<{ index: number; relevance_score: number }>;
	meta?: ApiMeta;
};

/** POST /v1/classify */
export type ClassifyResponse = {
	id?: string;
	classifications?: IDataObject[];
	meta?: ApiMeta;
};

/** POST /v1/summarize */
export type SummarizeResponse = { id?: string; summary?: string; meta?: ApiMeta };

/** POST /v1/tokenize */
export type TokenizeResponse = { tokens?: number[]; token_strings?: string[]; meta?: ApiMeta };

/** POST /v1/detokenize */
export type DetokenizeResponse = { text?: string; meta?: ApiMeta };

export type DatasetPart = {
	id?: string;
	name?: string;
	url?: string;
	index?: number;
	size_bytes?: number;
	num_rows?: number;
	original_url?: string;
	samples?: string[];
};

export type Dataset = {
	id?: string;
	name?: string;
	created_at?: string;
	updated_at?: string;
	dataset_type?: string;
	validation_status?: string;
	validation_error?: string;
	validation_warnings?: string[];
	dataset_parts?: DatasetPart[];
};

/** GET /v1/datasets */
export type ListDatasetsResponse = { datasets?: Dataset[] };
/** GET /v1/datasets/{id} */
export type GetDatasetResponse = { dataset?: Dataset };
/** POST /v1/datasets */
export type CreateDatasetResponse = { id?: string };

/** A batch of Cohere's Batches API (v2); token counts are int64 as text. */
export type Batch = {
	id?: string;
	name?: string;
	creator_id?: string;
	org_id?: string;
	status?: string;
	created_at?: string;
	updated_at?: string;
	input_dataset_id?: string;
	output_dataset_id?: string;
	input_tokens?: string;
	output_tokens?: string;
	model?: string;
	num_records?: number;
	num_successful_records?: number;
	num_failed_records?: number;
	status_reason?: string;
};
/** POST /v2/batches and GET /v2/batches/{id} */
export type GetBatchResponse = { batch?: Batch };
/** GET /v2/batches */
export type ListBatchesResponse = { batches?: Batch[]; next_page_token?: string };

export type EmbedJob = {
	job_id?: string;
	name?: string;
	status?: string;
	created_at?: string;
	input_dataset_id?: string;
	output_dataset_id?: string;
	model?: string;
	truncate?: string;
	meta?: ApiMeta;
};

/** GET /v1/embed-jobs */
export type ListEmbedJobsResponse = { embed_jobs?: EmbedJob[] };
/** POST /v1/embed-jobs */
export type CreateEmbedJobResponse = { job_id?: string; meta?: ApiMeta };

/** GET /v1/models/{model} */
export type Model = {
	name?: string;
	endpoints?: string[];
	finetuned?: boolean;
	context_length?: number;
	tokenizer_url?: string;
	default_endpoints?: string[];
	features?: string[];
	is_deprecated?: boolean;
};

/** POST {path}/chat/completions on the OpenAI-compatible API. */
export type ChatCompletionResponse = {
	id?: string;
	choices?: Array<{
		index?: number;
		finish_reason?: string;
		message?: { role?: string; content?: string | null; tool_calls?: ToolCall[] };
	}>;
	usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
};

/** POST {path}/embeddings on the OpenAI-compatible API. */
export type EmbeddingsResponse = {
	data?: Array<{ index?: number; embedding?: unknown; object?: string }>;
	usage?: { prompt_tokens?: number; total_tokens?: number };
};

/** POST /v2/audio/transcriptions (and {path}/audio/transcriptions on the OpenAI-compatible API). */
export type TranscriptionResponse = { text?: string };

/** POST /v2/parse: one page per entry, in Markdown (with its images) or in blocks, by `output_format`. */
export type ParseResponse = {
	id?: string;
	pages?: Array<{
		index?: number;
		type?: string;
		markdown?: { content?: string; images?: IDataObject[] };
		blocks?: IDataObject[];
	}>;
	meta?: ApiMeta;
};
