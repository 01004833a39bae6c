import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { avroRecords, concatBytes, isAvroContainer } from '../formats/avro';

/** What an HTTP helper may give for a body: a stream of chunks, or the bytes whole. */
export type PartBody = AsyncIterable<Uint8Array | string> | Uint8Array | ArrayBuffer | string;

function asBytes(chunk: Uint8Array | ArrayBuffer | string): Uint8Array {
	if (typeof chunk === 'string') return new TextEncoder().encode(chunk);
	return chunk instanceof Uint8Array ? chunk : new Uint8Array(chunk);
}

/** The body as a stream of byte chunks, whatever form the HTTP helper gave it in. */
async function* chunksOf(body: PartBody): AsyncGenerator<Uint8Array> {
	if (typeof body === 'object' && Symbol.asyncIterator in body) {
		for await (const chunk of body) if (chunk.length > 0) yield asBytes(chunk);
	} else {
		yield asBytes(body);
	}
}

function asRow(record: unknown, index: number): IDataObject {
	if (typeof record !== 'object' || record === null || Array.isArray(record))
		throw new Error(`holds a record ${index + 1} that is not an object`);
	return record as IDataObject;
}

async function* jsonlRows(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<IDataObject> {
	const decoder = new TextDecoder();
	let pending = '';
	let line = 0;
	const parse = (content: string): IDataObject | undefined => {
		line++;
		if (!content.trim()) return undefined;
		const row = jsonParse<unknown>(content, { fallbackValue: null });
		if (typeof row !== 'object' || row === null || Array.isArray(row))
			throw new Error(`is neither Avro nor JSONL (line ${line} is not a JSON object)`);
		return row as IDataObject;
	};
	for await (const chunk of chunks) {
		pending += decoder.decode(chunk, { stream: true });
		const lines = pending.split('\n');
		pending = lines.pop() ?? '';
		for (const content of lines) {
			const row = parse(content);
			if (row) yield row;
		}
	}
	const row = parse(pending + decoder.decode());
	if (row) yield row;
}

/**
 * The rows of one dataset part as its bytes arrive, by its content: an Avro object container file, as Cohere
 * serves parts, or JSONL, as some gateways do. Neither form is held whole. Throws an Error saying where the
 * part is not what it claims to be.
 */
export async function* datasetPartRows(body: PartBody): AsyncGenerator<IDataObject> {
	const chunks = chunksOf(body);
	// The first bytes decide the format: read until there are enough to tell.
	let head: Uint8Array = new Uint8Array(0);
	let ended = false;
	while (head.length < 4 && !ended) {
		const next = await chunks.next();
		if (next.done) ended = true;
		else head = concatBytes(head, next.value);
	}
	async function* all(): AsyncGenerator<Uint8Array> {
		if (head.length) yield head;
		yield* chunks;
	}
	if (isAvroContainer(head)) {
		const records = avroRecords(all());
		for (let index = 0; ; index++) {
			const next = await records.next().catch((error: Error) => error);
			if (next instanceof Error) throw new Error(`is not a readable Avro file: ${next.message}`);
			if (next.done) return;
			yield asRow(next.value, index);
		}
	}
	yield* jsonlRows(all());
}
