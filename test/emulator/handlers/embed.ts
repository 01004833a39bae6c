/* POST /v2/embed and /v1/embed: texts and images, every embedding type. */
import type { EmulatorResponse, Json } from './common';
import {
	LIMITS,
	apiVersion,
	countTokens,
	fakeEmbedding,
	invalid,
	ok,
	requireModel,
	seededNumbers,
} from './common';

export const EMBEDDING_TYPES = ['float', 'int8', 'uint8', 'binary', 'ubinary', 'base64'];
export function typedEmbedding(values: number[], type: string): unknown {
	if (type === 'float') return values;
	if (type === 'int8') return values.map((v) => Math.round(v * 127));
	if (type === 'uint8') return values.map((v) => Math.round((v + 1) * 127.5));
	if (type === 'binary' || type === 'ubinary') {
		const bytes: number[] = [];
		for (let i = 0; i < values.length; i += 8) {
			let byte = 0;
			for (let b = 0; b < 8; b++) byte = (byte << 1) | (values[i + b] > 0 ? 1 : 0);
			bytes.push(type === 'binary' ? byte - 128 : byte);
		}
		return bytes;
	}
	return Buffer.from(new Float32Array(values).buffer).toString('base64');
}

/** Cohere's limit on the images of one request, in bytes. */
const MAX_REQUEST_IMAGE_BYTES = 20 * 1024 * 1024;

/**
 * `inputs`: each a `content` list of text and image_url parts, mixed in one input; only Embed 4 and newer
 * take them, and the images of one request stay within 20 MB.
 */
function checkInputs(inputs: unknown[], model: string) {
	if (!/embed-v[4-9]/.test(model))
		throw invalid(`inputs are not supported by ${model}: use embed-v4.0 or newer.`);
	let imageBytes = 0;
	for (const [index, input] of inputs.entries()) {
		const content = (input as Json)?.content;
		if (!Array.isArray(content) || content.length === 0)
			throw invalid(`inputs[${index}].content must not be empty.`);
		for (const part of content as Json[]) {
			if (part?.type === 'text') {
				if (typeof part.text !== 'string' || part.text.trim() === '')
					throw invalid(`inputs[${index}]: a text part must not be empty.`);
			} else if (part?.type === 'image_url') {
				const url = String((part.image_url as Json | undefined)?.url ?? '');
				const data = /^data:image\/(png|jpeg|jpg|webp|gif);base64,(.+)$/s.exec(url);
				if (!data)
					throw invalid(
						`inputs[${index}]: an image must be a base64 data URI of a PNG, JPEG, WebP or GIF.`,
					);
				imageBytes += Buffer.from(data[2], 'base64').length;
			} else throw invalid(`inputs[${index}]: a part's type must be text or image_url.`);
		}
	}
	if (imageBytes > MAX_REQUEST_IMAGE_BYTES)
		throw invalid('the images of one request must not exceed 20 MB in total.');
}

export function embed(body: Json, version: 1 | 2): EmulatorResponse {
	const model = requireModel(body, 'embed');
	const texts = body.texts as unknown[] | undefined;
	const images = body.images as unknown[] | undefined;
	const inputs = body.inputs as unknown[] | undefined;
	const items = texts ?? images ?? inputs;
	if (!Array.isArray(items) || items.length === 0)
		throw invalid('one of texts, images or inputs must be provided.');
	if (items.length > LIMITS.embedTexts)
		throw invalid(
			`texts cannot have more than ${LIMITS.embedTexts} elements, but got ${items.length}.`,
		);
	if (texts?.some((t) => typeof t !== 'string' || t.trim() === ''))
		throw invalid('texts must not contain empty strings.');
	if ([texts, images, inputs].filter((list) => list !== undefined).length > 1)
		throw invalid('only one of texts, images or inputs can be provided.');
	if (inputs) checkInputs(inputs, model.name);
	if (images && body.input_type !== 'image')
		throw invalid('images must be used with input_type=image');
	if (!body.input_type && !model.name.includes('v2.0'))
		throw invalid('input_type is required for embed models v3 and higher.');
	const dims = Number(body.output_dimension ?? model.dimensions ?? 1024);
	if (body.output_dimension !== undefined && !model.outputDimensions)
		throw invalid(`output_dimension is not supported by ${model.name}.`);
	if (body.output_dimension !== undefined && !model.outputDimensions?.includes(dims))
		throw invalid(`output_dimension must be one of ${model.outputDimensions?.join(', ')}.`);
	const types =
		(body.embedding_types as string[] | undefined) ?? (version === 2 ? ['float'] : undefined);
	if (types?.some((t) => !EMBEDDING_TYPES.includes(t)))
		throw invalid(`embedding_types must be a subset of ${EMBEDDING_TYPES.join(', ')}.`);
	const keyOf = (item: unknown) => (typeof item === 'string' ? item : JSON.stringify(item));
	const vectors = items.map((item) => fakeEmbedding(`${model.name}:${keyOf(item)}`, dims));
	const inputTokens = items.reduce<number>(
		(sum, item) => sum + countTokens(keyOf(item).slice(0, 2000)),
		0,
	);
	const meta = {
		api_version: apiVersion(String(version)),
		billed_units: { input_tokens: inputTokens },
	};
	const id = `embed-${seededNumbers(items.map(keyOf).join('|'), 1)[0].toString(36).slice(2, 10)}`;
	if (!types)
		return ok({
			response_type: 'embeddings_floats',
			id,
			embeddings: vectors,
			texts: texts ?? [],
			meta,
		});
	const embeddings = Object.fromEntries(
		types.map((type) => [type, vectors.map((v) => typedEmbedding(v, type))]),
	);
	return ok({
		response_type: 'embeddings_by_type',
		id,
		embeddings,
		texts: texts ?? [],
		...(images
			? { images: images.map(() => ({ width: 1, height: 1, format: 'png', bit_depth: 8 })) }
			: {}),
		meta,
	});
}
