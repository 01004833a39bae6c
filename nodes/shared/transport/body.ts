/** The whole of a response body that came as a stream (an error answer to a streaming request). */
export async function readStream(body: unknown): Promise<string> {
	if (typeof body === 'string' || body === undefined || body === null) return String(body ?? '');
	if (typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] !== 'function')
		return JSON.stringify(body);
	let text = '';
	const decoder = new TextDecoder();
	for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
		text += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
	}
	return text + decoder.decode();
}

export function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body === '') return {};
	return JSON.parse(body) as unknown;
}
