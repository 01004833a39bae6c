import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { embeddingTypesProperty, inputTypeProperty, modelLocator } from '../../shared/descriptions';
import { binaryPropertyNames, readBinaryFiles } from '../../shared/formats/binary';
import {
	asText,
	emptyParameterError,
	getModelId,
	perItemParameter,
} from '../../shared/parameters/parameters';
import { requestEmbeddings } from '../../shared/cohere/embed';
import { getRequestSettings } from '../../shared/transport';
import type { BatchResult, EmbedEntry } from '../../shared/cohere/embedBatches';
import { getOptions } from '../../shared/parameters/numbers';
import { embedInputs } from '../helpers/embedInputs';
import { readText, textProperty } from '../helpers/text';
import { IMAGE_TYPES, LIMITS } from '../../shared/limits';
import { optionsDescription } from './options.description';

const show = { api: ['cohere'] };

export const description = updateDisplayOptions({ show }, [
	modelLocator('searchEmbedModels', 'embed-v4.0'),
	{
		// Not "Input": it sat two rows from "Input Type" and was mistaken for it.
		displayName: 'What to Embed',
		name: 'input',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Text', value: 'text' },
			{ name: 'Image', value: 'image', description: 'One image per item, from a binary property' },
			{
				name: 'Text or Image',
				value: 'auto',
				description: 'The image when the item has the binary property, the text otherwise',
			},
			{
				name: 'Text and Image',
				value: 'mixed',
				description:
					"The item's text and its image or images as one input, one vector for both (Embed 4 and newer)",
			},
		],
		default: 'text',
	},
	{ ...textProperty, displayOptions: { show: { input: ['text', 'auto', 'mixed'] } } },
	{
		displayName: 'Image Binary Property',
		name: 'imageProperty',
		type: 'string',
		default: 'data',
		description:
			'The binary property holding the image (PNG, JPEG, WebP or GIF); with Text and Image, several separated by commas',
		displayOptions: { show: { input: ['image', 'auto', 'mixed'] } },
	},
	inputTypeProperty,
	embeddingTypesProperty,
]);

function isV3(model: string): boolean {
	return /v3(\.|$|-)/.test(model) || model.includes('-v3');
}

/** Embed 4 and newer take text and images in one input; older models refuse `inputs`. */
function takesMixedInputs(model: string): boolean {
	return /embed-v([4-9]|\d\d)/.test(model);
}

const IMAGE_RULES = { ...IMAGE_TYPES, maxFiles: LIMITS.embedInputsPerRequest };

/**
 * "Text and Image": the item's text and its images as the parts of one input. The model is checked once,
 * before any item; an item without text and without image is skipped when asked, refused otherwise.
 */
function mixedReader(
	this: IExecuteFunctions,
	property: string,
	skipEmpty: boolean,
	text: (itemIndex: number) => unknown,
): (itemIndex: number) => Promise<EmbedEntry | 'skip'> {
	const model = getModel.call(this);
	if (!takesMixedInputs(model))
		throw new NodeOperationError(
			this.getNode(),
			`"What to Embed: Text and Image" needs Embed 4 or newer, not ${model}`,
			{ description: 'Pick embed-v4.0, embed-v5.0-pro or embed-v5.0-fast as the Model.' },
		);
	const names = binaryPropertyNames(property);
	return async (itemIndex) => {
		const value = asText(text(itemIndex)).trim();
		const images = await readBinaryFiles.call(this, itemIndex, names, {
			...IMAGE_RULES,
			parameterLabel: 'Image Binary Property',
			maxTotalBytes: LIMITS.embedRequestImageBytes,
			refuseEmpty: true,
		});
		if (!value && images.length === 0) {
			if (skipEmpty) return 'skip';
			throw emptyParameterError.call(this, 'Text', itemIndex, 'Give the item a text or an image.');
		}
		return {
			itemIndex,
			content: [
				...(value ? [{ type: 'text', text: value }] : []),
				...images.map((image) => ({ type: 'image_url', image_url: { url: image.dataUri } })),
			],
			imageBytes: images.reduce((sum, image) => sum + image.bytes, 0),
		};
	};
}

export function getModel(this: IExecuteFunctions): string {
	return getModelId.call(this, 0);
}

/**
 * Reads what each item contributes: its text or its image. Node-level settings are read once, so that only
 * the per-item text expression is evaluated for every item (this matters at 10,000 items).
 */
export function entryReader(
	this: IExecuteFunctions,
): (itemIndex: number) => Promise<EmbedEntry | 'skip'> {
	const input = this.getNodeParameter('input', 0, 'text') as string;
	const property = String(this.getNodeParameter('imageProperty', 0, 'data')).trim();
	const { skipEmpty } = getOptions.call(this, 0, optionsDescription);
	const items = this.getInputData();
	const text = perItemParameter.call(this, 'text');
	if (input === 'mixed') return mixedReader.call(this, property, skipEmpty === true, text);
	const maxImageBytes =
		input === 'text'
			? 0
			: isV3(getModel.call(this))
				? LIMITS.embedImageBytesV3
				: LIMITS.embedRequestImageBytes;
	return async (itemIndex) => {
		if (input === 'image' || (input === 'auto' && items[itemIndex]?.binary?.[property])) {
			const [image] = await readBinaryFiles.call(this, itemIndex, [property], {
				...IMAGE_RULES,
				parameterLabel: 'Image Binary Property',
				maxFiles: 1,
				maxTotalBytes: maxImageBytes,
			});
			return { itemIndex, image: image.dataUri, imageBytes: image.bytes };
		}
		return readText.call(this, itemIndex, skipEmpty === true, text);
	};
}

/** Embed v3 models take one image per request; newer ones up to 96, within 20 MB. */
export function imageLimits(this: IExecuteFunctions) {
	return {
		imageBatchSize: isV3(getModel.call(this)) ? 1 : LIMITS.embedInputsPerRequest,
		maxImageBytes: LIMITS.embedRequestImageBytes,
	};
}

/** One POST /v2/embed for a batch of texts or of images. */
export async function send(this: IExecuteFunctions, batch: EmbedEntry[]): Promise<BatchResult> {
	const options = getOptions.call(this, 0, optionsDescription);
	const types = this.getNodeParameter('embeddingTypes', 0, ['float']) as string[];
	if (types.length === 0)
		throw new NodeOperationError(this.getNode(), 'Choose at least one of the "Embedding Types"');
	const images = batch[0].image !== undefined;
	const mixed = batch[0].content !== undefined;
	const response = await requestEmbeddings.call(this, {
		model: getModel.call(this),
		inputType: images ? 'image' : (this.getNodeParameter('inputType', 0) as string),
		texts: images || mixed ? undefined : batch.map((entry) => entry.text as string),
		images: images ? batch.map((entry) => entry.image as string) : undefined,
		inputs: mixed ? batch.map((entry) => ({ content: entry.content })) : undefined,
		embeddingTypes: types,
		outputDimension: options.outputDimension ? Number(options.outputDimension) : undefined,
		truncate: options.truncate as string | undefined,
		maxTokens: options.maxTokens as number | undefined,
		priority: options.priority as number | undefined,
		itemIndex: batch[0].itemIndex,
		settings: getRequestSettings.call(this, 0),
	});
	const embeddings = response.embeddings;
	let perEntry: unknown[];
	if (Array.isArray(embeddings)) {
		// The v1 shape (a list of float vectors), as older deployments and the documented sample answer.
		perEntry = embeddings;
	} else {
		const byType = embeddings ?? {};
		perEntry = batch.map((_, index) =>
			types.length === 1
				? byType[types[0]]?.[index]
				: Object.fromEntries(types.map((type) => [type, byType[type]?.[index]])),
		);
		if (types.some((type) => !Array.isArray(byType[type]))) perEntry = [];
	}
	const billed = response.meta?.billed_units ?? {};
	return {
		embeddings: perEntry,
		response,
		billedTokens: Number(billed.input_tokens ?? 0) + Number(billed.images ?? 0),
	};
}

/** Embeds all items at once, 96 inputs per request (see embedInputs). */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	return await embedInputs.call(this, { entryReader, imageLimits, send });
}
