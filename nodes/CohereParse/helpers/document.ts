import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { inputBinary, readBinaryFiles } from '../../shared/formats/binary';
import { IMAGE_TYPES, LIMITS } from '../../shared/limits';
import { getRequiredText } from '../../shared/parameters/parameters';

/** What a user with a PDF does instead: Cohere's API takes page images only, for now. */
const PDF_HELP =
	'Cohere Parse takes page images today: convert each page of the PDF to an image (PNG, JPEG or WebP, 1,536 to 2,048 px on the long side is best) and parse each page.';

function isPdf(mimeType: string | undefined, name: string | undefined): boolean {
	return /application\/pdf/i.test(mimeType ?? '') || /\.pdf(\?|#|$)/i.test(name ?? '');
}

/** The refusal of a PDF, naming the item and where it came from. */
function pdfRefused(this: IExecuteFunctions, itemIndex: number, what: string): NodeOperationError {
	return new NodeOperationError(
		this.getNode(),
		`${what} of item ${itemIndex} is a PDF, which Cohere Parse does not take yet`,
		{ itemIndex, description: PDF_HELP },
	);
}

/** "Image URL": an http(s) address, or a data URI of an image Cohere takes, within 20 MB. */
function imageUrlOf(this: IExecuteFunctions, itemIndex: number): string {
	const url = getRequiredText.call(this, 'imageUrl', 'Image URL', itemIndex).trim();
	const refuse = (message: string, description?: string) =>
		new NodeOperationError(
			this.getNode(),
			`The parameter "Image URL" ${message} in item ${itemIndex}`,
			{
				itemIndex,
				description,
			},
		);
	const dataUri = /^data:([^;,]*);base64,(.*)$/s.exec(url);
	if (dataUri) {
		const mimeType = dataUri[1].toLowerCase();
		if (isPdf(mimeType, undefined)) throw pdfRefused.call(this, itemIndex, 'The "Image URL"');
		if (!IMAGE_TYPES.mimeTypes.includes(mimeType))
			throw refuse(
				`is a data URI of ${mimeType || 'no type'}`,
				`Cohere Parse takes ${IMAGE_TYPES.accepted}.`,
			);
		const bytes = Math.floor((dataUri[2].replace(/=+$/, '').length * 3) / 4);
		if (bytes === 0) throw refuse('is a data URI without content');
		if (bytes > LIMITS.parseImageBytes)
			throw refuse('is too large: more than 20 MB', 'Cohere Parse takes images of up to 20 MB.');
		return url;
	}
	let parsed: URL | undefined;
	try {
		parsed = new URL(url);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !/^https?:$/.test(parsed.protocol))
		throw refuse(
			'must be an http(s) URL or a data URI',
			'For example https://example.com/receipt.png, or data:image/png;base64,…',
		);
	if (isPdf(undefined, parsed.pathname)) throw pdfRefused.call(this, itemIndex, 'The "Image URL"');
	return url;
}

/**
 * The item's document image as Cohere takes it (`document.image_url`): the binary file as a data URI, or the
 * Image URL. Refused before sending, naming the item and the field: a PDF (with what to do instead), a
 * missing or empty file, a file over 20 MB, a type Cohere does not take.
 */
export async function readDocumentImage(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<string> {
	if (this.getNodeParameter('inputSource', itemIndex, 'binary') === 'url')
		return imageUrlOf.call(this, itemIndex);
	const propertyName = getRequiredText
		.call(this, 'binaryPropertyName', 'Input Binary Field', itemIndex)
		.trim();
	const binary = inputBinary.call(this, itemIndex, propertyName, 'Input Binary Field');
	if (isPdf(binary.mimeType, binary.fileName))
		throw pdfRefused.call(this, itemIndex, `Binary property "${propertyName}"`);
	const [file] = await readBinaryFiles.call(this, itemIndex, [propertyName], {
		parameterLabel: 'Input Binary Field',
		maxFiles: 1,
		maxTotalBytes: LIMITS.parseImageBytes,
		...IMAGE_TYPES,
		refuseEmpty: true,
	});
	return file.dataUri;
}
