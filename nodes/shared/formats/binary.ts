import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface BinaryContent {
	propertyName: string;
	mimeType: string;
	fileName?: string;
	bytes: number;
	content: Buffer;
}

export interface BinaryFile extends Omit<BinaryContent, 'content'> {
	dataUri: string;
}

export interface BinaryRules {
	/** The parameter the property names come from, for error messages. */
	parameterLabel: string;
	maxFiles: number;
	maxTotalBytes: number;
	/** Accepted MIME types; `undefined` accepts any. */
	mimeTypes?: string[];
	/** What the accepted files are, in words (e.g. "PNG, JPEG, WebP or GIF images"). */
	accepted?: string;
	/** Refuse a file of 0 bytes (an upload that would only fail at the API). */
	refuseEmpty?: boolean;
}

/** Splits "data, image2" (or an array from an expression) into property names. */
export function binaryPropertyNames(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((name) => String(name).trim()).filter(Boolean);
}

/**
 * Reads binary properties of one item as base64 data URIs, with the limits checked before anything is
 * sent. Errors name the parameter, the property and the item.
 */
export async function readBinaryFiles(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyNames: string[],
	rules: BinaryRules,
): Promise<BinaryFile[]> {
	const files = await readBinaryContents.call(this, itemIndex, propertyNames, rules);
	return files.map(({ content, ...file }) => ({
		...file,
		dataUri: `data:${file.mimeType};base64,${content.toString('base64')}`,
	}));
}

/**
 * An item's binary property, refused naming the item, the property and the parameter when it is missing or
 * holds no data (a Code node can make a binary entry without `data`; n8n would fail on it with Node's own
 * "The first argument must be of type string or an instance of Buffer").
 */
export function inputBinary(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
	parameterLabel: string,
): IBinaryData {
	const binary = this.getInputData()[itemIndex]?.binary?.[propertyName];
	if (!binary) {
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex} has no binary property "${propertyName}" (from "${parameterLabel}")`,
			{
				itemIndex,
				description: 'Check the name of the binary property in the input item, for example "data".',
			},
		);
	}
	// Stored binary data has an id; inline data is a base64 string.
	if (!binary.id && typeof binary.data !== 'string') {
		throw new NodeOperationError(
			this.getNode(),
			`Binary property "${propertyName}" of item ${itemIndex} holds no data (from "${parameterLabel}")`,
			{
				itemIndex,
				description:
					'The item has a binary entry without its file content. If a Code node builds it, set its "data" to the base64 content, or use n8n\'s Convert to File node.',
			},
		);
	}
	return binary;
}

/** Reads binary properties of one item as bytes, with the same checks as readBinaryFiles. */
export async function readBinaryContents(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyNames: string[],
	rules: BinaryRules,
): Promise<BinaryContent[]> {
	const node = this.getNode();
	if (propertyNames.length > rules.maxFiles) {
		throw new NodeOperationError(
			node,
			`Too many files in "${rules.parameterLabel}": ${propertyNames.length}, at most ${rules.maxFiles} per request`,
			{ itemIndex },
		);
	}
	const files: BinaryContent[] = [];
	let total = 0;
	for (const propertyName of propertyNames) {
		const binary = inputBinary.call(this, itemIndex, propertyName, rules.parameterLabel);
		const mimeType = (binary.mimeType || 'application/octet-stream').toLowerCase();
		if (rules.mimeTypes && !rules.mimeTypes.includes(mimeType)) {
			throw new NodeOperationError(
				node,
				`Binary property "${propertyName}" of item ${itemIndex} is ${mimeType}, which is not supported`,
				{
					itemIndex,
					description: `"${rules.parameterLabel}" accepts ${rules.accepted ?? rules.mimeTypes.join(', ')}.`,
				},
			);
		}
		const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, propertyName);
		if (rules.refuseEmpty && buffer.length === 0) {
			throw new NodeOperationError(
				node,
				`Binary property "${propertyName}" of item ${itemIndex} is empty (0 bytes)`,
				{ itemIndex, description: `"${rules.parameterLabel}" needs a file with content.` },
			);
		}
		total += buffer.length;
		if (total > rules.maxTotalBytes) {
			throw new NodeOperationError(
				node,
				`The files of item ${itemIndex} in "${rules.parameterLabel}" are too large: more than ${Math.round(rules.maxTotalBytes / 1024 / 1024)} MB per request`,
				{ itemIndex },
			);
		}
		files.push({
			propertyName,
			mimeType,
			fileName: binary.fileName,
			bytes: buffer.length,
			content: buffer,
		});
	}
	return files;
}
