import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readBinaryContents } from '../../shared/formats/binary';
import { LIMITS } from '../../shared/limits';

/** The formats Cohere takes, by the extension it checks, with the MIME types that name them. */
const FORMATS: Record<string, string[]> = {
	flac: ['audio/flac', 'audio/x-flac'],
	mp3: ['audio/mpeg', 'audio/mp3', 'audio/x-mp3', 'audio/mpeg3', 'audio/x-mpeg-3'],
	mpeg: [],
	mpga: ['audio/mpga'],
	ogg: ['audio/ogg', 'application/ogg', 'audio/x-ogg', 'audio/vorbis', 'audio/opus'],
	wav: ['audio/wav', 'audio/x-wav', 'audio/wave', 'audio/vnd.wave'],
};
const ACCEPTED = 'FLAC, MP3, MPEG, MPGA, OGG or WAV audio';

function extensionOf(fileName: string | undefined): string | undefined {
	const match = /\.([a-z0-9]+)$/i.exec(fileName ?? '');
	return match?.[1].toLowerCase();
}

/** The Cohere format of a file: by its MIME type, else by its extension; undefined when neither names one. */
export function audioFormat(mimeType: string, fileName: string | undefined): string | undefined {
	const byMime = Object.keys(FORMATS).find((format) => FORMATS[format].includes(mimeType));
	if (byMime) return byMime;
	const extension = extensionOf(fileName);
	return extension && extension in FORMATS ? extension : undefined;
}

export interface AudioFile {
	/** The file name sent: the item's, with the extension of its format (a Telegram `voice.oga` goes as `voice.ogg`). */
	filename: string;
	contentType: string;
	content: Buffer;
}

/**
 * The item's audio file, refused before sending when it is missing, empty, over 25 MB, or of a type Cohere
 * does not take (by its MIME type and its file name), naming the item.
 */
export async function readAudio(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<AudioFile> {
	const [file] = await readBinaryContents.call(this, itemIndex, [propertyName], {
		parameterLabel: 'Input Binary Field',
		maxFiles: 1,
		maxTotalBytes: LIMITS.audioFileBytes,
		refuseEmpty: true,
	});
	const format = audioFormat(file.mimeType, file.fileName);
	if (!format) {
		throw new NodeOperationError(
			this.getNode(),
			`Binary property "${propertyName}" of item ${itemIndex} is ${file.mimeType}${file.fileName ? ` ("${file.fileName}")` : ''}, which Cohere cannot transcribe`,
			{ itemIndex, description: `Cohere Transcribe takes ${ACCEPTED} files of up to 25 MB.` },
		);
	}
	const base = (file.fileName ?? 'audio').replace(/\.[a-z0-9]+$/i, '') || 'audio';
	return {
		filename: `${base}.${format}`,
		// The item's MIME type when it names the format; else the format's own (never application/octet-stream
		// or a wrong type for a file recognised by its extension).
		contentType: FORMATS[format].includes(file.mimeType)
			? file.mimeType
			: (FORMATS[format][0] ?? 'audio/mpeg'),
		content: file.content,
	};
}
