/* POST /v2/parse: a document image to Markdown or to layout blocks, with Cohere's checks. */
import { findModel } from '../models';
import type { EmulatorResponse, Json } from './common';
import { ApiError, invalid, ok, seededUuid } from './common';

/** Cohere's limit for one document image (compressed, or decoded from a data URI). */
export const MAX_PARSE_BYTES = 20 * 1024 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/jpg', 'image/webp', 'image/gif'];

/**
 * The pages of a test document: the "image" the tests send carries its text after a `TEXT:` marker, pages
 * split by form feeds, and `[figure: …]` for a picture on the page; any other image is one page that names
 * its size, so that a test can tell which image was sent.
 */
function pagesOf(content: Buffer, mimeType: string): string[] {
	const text = /TEXT:([\s\S]*)$/.exec(content.toString('latin1'))?.[1];
	if (text === undefined) return [`An image of ${content.length} bytes (${mimeType}).`];
	return text.split('\f').map((page) => page.trim());
}

const box = { top_left_x: 10, top_left_y: 20, bottom_right_x: 410, bottom_right_y: 320 };
const boxNormalized = {
	top_left_x: 0.01,
	top_left_y: 0.02,
	bottom_right_x: 0.41,
	bottom_right_y: 0.32,
};

/** A page's picture, if it has one: `[figure: a bar chart]`. */
function figureOf(page: string): Json | undefined {
	const description = /\[figure: ([^\]]*)\]/.exec(page)?.[1];
	if (description === undefined) return undefined;
	return {
		id: 'img-0',
		description,
		category: 'other',
		bounding_box: box,
		bounding_box_normalized: boxNormalized,
	};
}

function markdownPage(page: string, index: number): Json {
	const figure = figureOf(page);
	const content = page.replace(/\[figure: ([^\]]*)\]/, '![$1](img-0)');
	return {
		index,
		type: 'markdown',
		markdown: { content, ...(figure ? { images: [figure] } : {}) },
	};
}

function blocksPage(page: string, index: number): Json {
	const figure = figureOf(page);
	const text = page.replace(/\[figure: [^\]]*\]/, '').trim();
	return {
		index,
		type: 'blocks',
		blocks: [
			...(text ? [{ type: 'text', text: { content: text } }] : []),
			...(figure ? [{ type: 'image', image: figure }] : []),
		],
	};
}

/** The image a `document.image_url` holds: a data URI's bytes, or a remote URL's name as its content. */
function documentImage(imageUrl: string): { content: Buffer; mimeType: string } {
	const dataUri = /^data:([^;,]+);base64,(.*)$/s.exec(imageUrl);
	if (dataUri) {
		const mimeType = dataUri[1].toLowerCase();
		if (mimeType === 'application/pdf')
			throw invalid('PDF documents are not supported yet: send each page as an image.');
		if (!IMAGE_TYPES.includes(mimeType))
			throw invalid(`unsupported image type '${mimeType}': supported are PNG, JPEG, WebP and GIF.`);
		const content = Buffer.from(dataUri[2], 'base64');
		if (content.length === 0) throw invalid('the document image is empty.');
		if (content.length > MAX_PARSE_BYTES) throw invalid('the document image is larger than 20 MB.');
		return { content, mimeType };
	}
	if (!/^https?:\/\/\S+$/i.test(imageUrl))
		throw invalid('document.image_url must be a data URI or an http(s) URL.');
	if (/\.pdf(\?|$)/i.test(imageUrl))
		throw invalid('PDF documents are not supported yet: send each page as an image.');
	return { content: Buffer.from(`TEXT:Page at ${imageUrl}`), mimeType: 'image/png' };
}

export function parse(body: Json): EmulatorResponse {
	if (typeof body.model !== 'string' || body.model === '')
		throw invalid('a model parameter is required for this endpoint.');
	const model = findModel(body.model);
	if (!model)
		throw new ApiError(
			404,
			`model '${body.model}' not found, make sure the correct model ID was used and that you have access to the model.`,
		);
	if (!/parse/.test(model.name)) throw invalid(`model '${model.name}' does not support parse.`);
	const document = body.document as Json | undefined;
	if (!document || document.type !== 'image_url')
		throw invalid("document.type must be 'image_url': only image documents are supported.");
	if (typeof document.image_url !== 'string' || document.image_url === '')
		throw invalid('document.image_url is required.');
	const format = body.output_format ?? 'markdown';
	if (format !== 'markdown' && format !== 'blocks')
		throw invalid("output_format must be 'markdown' or 'blocks'.");
	const { content, mimeType } = documentImage(document.image_url);
	const pages = pagesOf(content, mimeType);
	return ok({
		id: seededUuid(`parse:${document.image_url.slice(0, 2000)}`),
		pages: pages.map(format === 'blocks' ? blocksPage : markdownPage),
		meta: { api_version: { version: '2' }, billed_units: { images: 1 } },
	});
}
