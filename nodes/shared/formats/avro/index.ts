/**
 * Avro object container files, as Cohere serves dataset parts (its Python SDK reads every part with
 * `fastavro.reader`): the header (magic, metadata with the schema and the codec, sync marker), then blocks of
 * records, each compressed with the file's codec (`null`, `deflate` or `snappy`) and closed by the sync
 * marker. Records are decoded by the writer's schema into plain JSON values: `long` as a number, `bytes`
 * and `fixed` as base64 text, enums as their symbol, unions as the chosen branch's value.
 */
import { jsonParse } from 'n8n-workflow';

import { uncompress } from './codecs';
import { AvroError, Decoder, NeedMoreData } from './decoder';
import { type AvroSchema, SchemaReader } from './schema';

const MAGIC = [0x4f, 0x62, 0x6a, 0x01]; // "Obj" 1

/** Whether these bytes start like an Avro object container file (by content, not by the part's name). */
export function isAvroContainer(bytes: Uint8Array): boolean {
	return MAGIC.every((byte, index) => bytes[index] === byte);
}

/** Two byte arrays as one (the second as it is when there is nothing before it). */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
	if (a.length === 0) return b;
	const joined = new Uint8Array(a.length + b.length);
	joined.set(a);
	joined.set(b, a.length);
	return joined;
}

/**
 * The records of an Avro object container file as its bytes arrive, block by block: no more than a block
 * (and the chunk being read) is held at once, so a large part is never in memory whole. Throws an Error
 * saying what is wrong (no Avro header, a truncated block, a wrong sync marker, an unknown codec).
 */
export async function* avroRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<unknown> {
	const iterator = chunks[Symbol.asyncIterator]();
	let buffer: Uint8Array = new Uint8Array(0);
	let read = 0;
	const more = async (): Promise<boolean> => {
		const next = await iterator.next();
		if (next.done) return false;
		buffer = concatBytes(buffer, next.value);
		return true;
	};
	/** Runs `parse` on the bytes at hand, reading more while they end too early; drops what it read. */
	const take = async <T>(parse: (decoder: Decoder) => T): Promise<T> => {
		for (;;) {
			const decoder = new Decoder(buffer);
			const attempt = ((): { ok: true; value: T } | { ok: false; error: unknown } => {
				try {
					return { ok: true, value: parse(decoder) };
				} catch (error) {
					return { ok: false, error };
				}
			})();
			if (attempt.ok) {
				buffer = buffer.subarray(decoder.offset);
				read += decoder.offset;
				return attempt.value;
			}
			if (!(attempt.error instanceof NeedMoreData)) throw attempt.error;
			if (!(await more()))
				throw new AvroError(`the data ends early (at byte ${read + buffer.length})`);
		}
	};
	const { codec, sync, schema } = await take((decoder) => {
		if (!MAGIC.every((byte) => decoder.fixed(1)[0] === byte))
			throw new AvroError('it does not start with the Avro header');
		const metadata = new Map<string, Uint8Array>();
		decoder.blocks(() => metadata.set(decoder.string(), decoder.bytesValue()));
		return { metadata, sync: decoder.fixed(16).slice() };
	}).then(({ metadata, sync }) => {
		const text = new TextDecoder();
		const schemaText = metadata.get('avro.schema');
		if (!schemaText) throw new AvroError('its header has no schema');
		const parsed = jsonParse<AvroSchema | null>(text.decode(schemaText), { fallbackValue: null });
		if (parsed === null) throw new AvroError('its schema is not JSON');
		const codecBytes = metadata.get('avro.codec');
		return { codec: codecBytes ? text.decode(codecBytes) : 'null', sync, schema: parsed };
	});
	const reader = new SchemaReader(schema);
	for (let block = 1; ; block++) {
		if (buffer.length === 0 && !(await more())) return;
		const { count, data } = await take((decoder) => {
			const blockCount = decoder.long();
			const blockData = decoder.fixed(decoder.long());
			const marker = decoder.fixed(16);
			if (!marker.every((byte, index) => byte === sync[index]))
				throw new AvroError(`block ${block} does not end with the file's sync marker`);
			return { count: blockCount, data: blockData };
		});
		const blockDecoder = new Decoder(await uncompress(codec, data));
		for (let i = 0; i < count; i++) yield reader.read(blockDecoder);
	}
}
