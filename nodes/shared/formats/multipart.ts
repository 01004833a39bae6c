/** One part of a multipart/form-data body: a text field, or a file. */
export type MultipartPart =
	| { field: string; value: string }
	| { field: string; filename: string; contentType: string; content: Buffer };

/** Header values may not break out of their quotes or their line. */
const headerSafe = (text: string) => text.replace(/["\r\n]/g, '');

/**
 * A multipart/form-data body built by hand (community nodes take no form-data dependency): the dataset
 * upload and the audio transcription send their files with it.
 */
export function multipartBody(parts: MultipartPart[]): { data: Buffer; contentType: string } {
	const boundary = `----n8nCohere${Date.now().toString(16)}${Math.floor(Math.random() * 1e9).toString(16)}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const disposition = `Content-Disposition: form-data; name="${headerSafe(part.field)}"`;
		if ('content' in part) {
			chunks.push(
				Buffer.from(
					`--${boundary}\r\n${disposition}; filename="${headerSafe(part.filename)}"\r\nContent-Type: ${headerSafe(part.contentType)}\r\n\r\n`,
				),
				part.content,
				Buffer.from('\r\n'),
			);
		} else {
			chunks.push(Buffer.from(`--${boundary}\r\n${disposition}\r\n\r\n${part.value}\r\n`));
		}
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { data: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}
