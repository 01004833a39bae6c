/** The emulator's model catalog: a mix of current, legacy, deprecated and fine-tuned models. */
export interface EmulatedModel {
	name: string;
	endpoints: string[];
	default_endpoints: string[];
	finetuned: boolean;
	context_length: number;
	is_deprecated: boolean;
	features?: string[];
	/** Embedding size; only for embed models. */
	dimensions?: number;
	/** The output_dimension values the model takes (none: it takes no output_dimension). */
	outputDimensions?: number[];
}

const model = (
	name: string,
	endpoints: string[],
	extra: Partial<EmulatedModel> = {},
): EmulatedModel => ({
	name,
	endpoints,
	default_endpoints: [],
	finetuned: false,
	context_length: 128000,
	is_deprecated: false,
	...extra,
});

export const MODELS: EmulatedModel[] = [
	model('command-a-03-2025', ['chat'], {
		default_endpoints: ['chat'],
		context_length: 256000,
		features: ['tools', 'json_mode', 'json_schema'],
	}),
	model('command-a-reasoning-08-2025', ['chat'], {
		context_length: 256000,
		features: ['tools', 'json_mode', 'reasoning'],
	}),
	model('command-a-vision-07-2025', ['chat'], {
		context_length: 128000,
		features: ['vision', 'json_mode'],
	}),
	model('command-r-plus-08-2024', ['chat'], { features: ['tools', 'json_mode'] }),
	model('command-r-08-2024', ['chat'], { features: ['tools', 'json_mode'] }),
	model('command-r7b-12-2024', ['chat'], { features: ['tools', 'json_mode'] }),
	model('c4ai-aya-expanse-32b', ['chat'], { context_length: 128000 }),
	model('command', ['generate', 'chat', 'summarize'], {
		default_endpoints: ['generate', 'summarize'],
		context_length: 4096,
		is_deprecated: true,
	}),
	model('command-light', ['generate', 'chat', 'summarize'], {
		context_length: 4096,
		is_deprecated: true,
	}),
	model('custom-model-v1', ['generate'], { finetuned: true, context_length: 2048 }),
	// Embed 5 (Cohere's changelog, 2026-09-30; not in our copy of the spec): 256 to 2048 dimensions.
	model('embed-v5.0-pro', ['embed', 'classify'], {
		dimensions: 2048,
		outputDimensions: [256, 512, 768, 1024, 1536, 2048],
		features: ['images'],
	}),
	model('embed-v5.0-fast', ['embed', 'classify'], {
		dimensions: 2048,
		outputDimensions: [256, 512, 768, 1024, 1536, 2048],
		features: ['images'],
	}),
	model('embed-v4.0', ['embed', 'classify'], {
		default_endpoints: ['embed'],
		dimensions: 1536,
		outputDimensions: [256, 512, 1024, 1536],
		features: ['images'],
	}),
	model('embed-english-v3.0', ['embed', 'classify'], {
		default_endpoints: ['classify'],
		context_length: 512,
		dimensions: 1024,
		features: ['images'],
	}),
	model('embed-multilingual-v3.0', ['embed', 'classify'], {
		context_length: 512,
		dimensions: 1024,
		features: ['images'],
	}),
	model('embed-english-light-v3.0', ['embed', 'classify'], {
		context_length: 512,
		dimensions: 384,
	}),
	model('embed-english-v2.0', ['embed', 'classify'], {
		context_length: 512,
		dimensions: 4096,
		is_deprecated: true,
	}),
	model('rerank-v4.0-pro', ['rerank'], { context_length: 32768 }),
	model('rerank-v4.0-fast', ['rerank'], { context_length: 32768 }),
	model('rerank-v3.5', ['rerank'], { default_endpoints: ['rerank'], context_length: 4096 }),
	model('rerank-english-v3.0', ['rerank'], { context_length: 4096 }),
	model('rerank-multilingual-v3.0', ['rerank'], { context_length: 4096 }),
	// Transcription models: Cohere's `endpoints` has no value for /v2/audio/transcriptions.
	model('cohere-transcribe-03-2026', [], { context_length: 0 }),
	model('cohere-transcribe-arabic-07-2026', [], { context_length: 0 }),
	// Parse: `endpoints` has no value for /v2/parse either.
	model('parse-v5.0', [], { context_length: 8192 }),
];

export function findModel(name: unknown): EmulatedModel | undefined {
	return MODELS.find((m) => m.name === name);
}

/** The public fields, as `GET /v1/models` shows them. */
export function publicModel({
	dimensions: _dimensions,
	outputDimensions: _outputDimensions,
	...rest
}: EmulatedModel) {
	return rest;
}
