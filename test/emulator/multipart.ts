/* The emulator's reading of multipart/form-data bodies (dataset uploads, audio). */
/** Enough of multipart/form-data for dataset uploads: text fields and files, as UTF-8 text. */
export function parseMultipart(raw: string, boundary: string) {
	const files: Record<string, { filename: string; content: string }> = {};
	const fields: Record<string, string> = {};
	for (const part of raw.split(`--${boundary}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const head = part.slice(0, split);
		const content = part.slice(split + 4).replace(/\r\n$/, '');
		const name = /name="([^"]*)"/.exec(head)?.[1];
		const filename = /filename="([^"]*)"/.exec(head)?.[1];
		if (!name) continue;
		if (filename !== undefined) files[name] = { filename, content };
		else fields[name] = content;
	}
	return { files, fields };
}
