/**
 * Avro object container files, as Cohere serves dataset parts (its Python SDK reads every part with
 * `fastavro.reader`): the header (magic, metadata with the schema and the codec, sync marker), then blocks of
 * records, each compressed with the file's codec (`null`, `deflate` or `snappy`) and closed by the sync
 * marker. Records are decoded by the writer's schema into plain JSON values: `long` as a number, `bytes`
 * and `fixed` as base64 text, enums as their symbol, unions as the chosen branch's value.
 */
import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

const MAGIC = [0x4f, 0x62, 0x6a, 0x01]; // "Obj" 1

export type AvroSchema = string | AvroSchema[] | { [key: string]: unknown; type: AvroSchema };

/** Whether these bytes start like an Avro object container file (by content, not by the part's name). */
export function isAvroContainer(bytes: Uint8Array): boolean {
	return MAGIC.every((byte, index) => bytes[index] === byte);
}

class AvroError extends Error {}

/** The bytes read so far end inside the header or a block: more must come (or the file is truncated). */
class NeedMoreData extends AvroError {}

/** A cursor over Avro's binary encoding. */
class Decoder {
	private position = 0;
	private readonly view: DataView;
	private static readonly text = new TextDecoder('utf-8', { fatal: true });

	constructor(private readonly bytes: Uint8Array) {
		this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	}

	/** How many bytes have been read. */
	get offset() {
		return this.position;
	}

	private need(count: number) {
		if (count < 0) throw new AvroError(`a negative size at byte ${this.position}`);
		if (this.position + count > this.bytes.length)
			throw new NeedMoreData(`the data ends early (at byte ${this.position})`);
	}

	/** A zigzag varint (int and long): exact up to 2^53, as JavaScript numbers are. */
	long(): number {
		let value = 0;
		let factor = 1;
		for (;;) {
			this.need(1);
			const byte = this.bytes[this.position++];
			value += (byte & 0x7f) * factor;
			if ((byte & 0x80) === 0) break;
			factor *= 128;
			if (factor > 2 ** 63) throw new AvroError('a number is longer than 64 bits');
		}
		return value % 2 === 0 ? value / 2 : -(value + 1) / 2;
	}

	float(): number {
		this.need(4);
		const value = this.view.getFloat32(this.position, true);
		this.position += 4;
		return value;
	}

	double(): number {
		this.need(8);
		const value = this.view.getFloat64(this.position, true);
		this.position += 8;
		return value;
	}

	fixed(size: number): Uint8Array {
		this.need(size);
		const value = this.bytes.subarray(this.position, this.position + size);
		this.position += size;
		return value;
	}

	bytesValue(): Uint8Array {
		return this.fixed(this.long());
	}

	string(): string {
		return Decoder.text.decode(this.bytesValue());
	}

	boolean(): boolean {
		return this.fixed(1)[0] !== 0;
	}

	/**
	 * Arrays, maps and the file header's metadata come in blocks: a count (negative: followed by the block's size
	 * in bytes), 0 ends them.
	 */
	blocks(readOne: () => void) {
		for (let count = this.long(); count !== 0; count = this.long()) {
			if (count < 0) {
				this.long();
				count = -count;
			}
			for (let i = 0; i < count; i++) readOne();
		}
	}
}

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** Decodes values by a schema; named types (records, enums, fixed) can be referred to by name. */
class SchemaReader {
	private readonly named = new Map<string, AvroSchema>();

	constructor(private readonly schema: AvroSchema) {
		this.register(schema, '');
	}

	private register(schema: AvroSchema, namespace: string) {
		if (Array.isArray(schema)) {
			for (const branch of schema) this.register(branch, namespace);
			return;
		}
		if (typeof schema !== 'object' || schema === null) return;
		const space = typeof schema.namespace === 'string' ? schema.namespace : namespace;
		if (
			typeof schema.name === 'string' &&
			['record', 'error', 'enum', 'fixed'].includes(String(schema.type))
		) {
			const name = schema.name;
			this.named.set(name.includes('.') || !space ? name : `${space}.${name}`, schema);
			this.named.set(name.split('.').pop()!, schema);
		}
		if (Array.isArray(schema.fields))
			for (const field of schema.fields as Array<{ type: AvroSchema }>)
				this.register(field.type, space);
		if (schema.items !== undefined) this.register(schema.items as AvroSchema, space);
		if (schema.values !== undefined) this.register(schema.values as AvroSchema, space);
		if (typeof schema.type === 'object') this.register(schema.type, space);
	}

	read(decoder: Decoder): unknown {
		return this.value(decoder, this.schema, 0);
	}

	private value(decoder: Decoder, schema: AvroSchema, depth: number): unknown {
		if (depth > 64) throw new AvroError('the schema nests deeper than 64 levels');
		if (Array.isArray(schema)) {
			const index = decoder.long();
			if (index < 0 || index >= schema.length)
				throw new AvroError(`a union branch ${index} does not exist`);
			return this.value(decoder, schema[index], depth + 1);
		}
		if (typeof schema === 'string') return this.primitive(decoder, schema, depth);
		const type = schema.type;
		if (typeof type !== 'string') return this.value(decoder, type, depth + 1);
		switch (type) {
			case 'record':
			case 'error': {
				const record: IDataObject = {};
				for (const field of (schema.fields as Array<{ name: string; type: AvroSchema }>) ?? [])
					record[field.name] = this.value(decoder, field.type, depth + 1) as IDataObject;
				return record;
			}
			case 'enum': {
				const symbols = schema.symbols as string[];
				const index = decoder.long();
				if (index < 0 || index >= symbols.length)
					throw new AvroError(`an enum symbol ${index} does not exist`);
				return symbols[index];
			}
			case 'array': {
				const items: unknown[] = [];
				decoder.blocks(() =>
					items.push(this.value(decoder, schema.items as AvroSchema, depth + 1)),
				);
				return items;
			}
			case 'map': {
				const map: IDataObject = {};
				decoder.blocks(() => {
					const key = decoder.string();
					map[key] = this.value(decoder, schema.values as AvroSchema, depth + 1) as IDataObject;
				});
				return map;
			}
			case 'fixed':
				return base64(decoder.fixed(Number(schema.size)));
			default:
				return this.primitive(decoder, type, depth);
		}
	}

	private primitive(decoder: Decoder, type: string, depth: number): unknown {
		switch (type) {
			case 'null':
				return null;
			case 'boolean':
				return decoder.boolean();
			case 'int':
			case 'long':
				return decoder.long();
			case 'float':
				return decoder.float();
			case 'double':
				return decoder.double();
			case 'bytes':
				return base64(decoder.bytesValue());
			case 'string':
				return decoder.string();
			default: {
				const named = this.named.get(type);
				if (!named) throw new AvroError(`the schema names an unknown type "${type}"`);
				return this.value(decoder, named, depth + 1);
			}
		}
	}
}

/** Avro's "deflate" codec is raw deflate (RFC 1951), which Node's web streams inflate. */
async function inflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
	const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
	return new Uint8Array(await new Response(stream).arrayBuffer());
}

let crcTable: Uint32Array | undefined;
function crc32(bytes: Uint8Array): number {
	if (!crcTable) {
		crcTable = new Uint32Array(256);
		for (let n = 0; n < 256; n++) {
			let c = n;
			for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
			crcTable[n] = c >>> 0;
		}
	}
	let crc = 0xffffffff;
	for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/** Raw Snappy (the format Avro's "snappy" codec uses, without framing). */
export function snappyUncompress(input: Uint8Array): Uint8Array {
	let position = 0;
	let length = 0;
	for (let shift = 0; ; shift += 7) {
		if (position >= input.length || shift > 28) throw new AvroError('a snappy block has no length');
		const byte = input[position++];
		length += (byte & 0x7f) * 2 ** shift;
		if ((byte & 0x80) === 0) break;
	}
	const output = new Uint8Array(length);
	let written = 0;
	while (position < input.length) {
		const tag = input[position++];
		let size: number;
		let offset = 0;
		switch (tag & 3) {
			case 0: {
				size = (tag >>> 2) + 1;
				if (size > 60) {
					const extra = size - 60;
					size = 1;
					for (let i = 0; i < extra; i++) size += input[position + i] * 2 ** (8 * i);
					position += extra;
				}
				if (position + size > input.length || written + size > length)
					throw new AvroError('a snappy literal runs past its block');
				output.set(input.subarray(position, position + size), written);
				position += size;
				written += size;
				continue;
			}
			case 1:
				size = ((tag >>> 2) & 7) + 4;
				offset = ((tag >>> 5) << 8) | input[position++];
				break;
			case 2:
				size = (tag >>> 2) + 1;
				offset = input[position] | (input[position + 1] << 8);
				position += 2;
				break;
			default:
				size = (tag >>> 2) + 1;
				offset =
					(input[position] | (input[position + 1] << 8) | (input[position + 2] << 16)) +
					input[position + 3] * 2 ** 24;
				position += 4;
		}
		if (offset === 0 || offset > written || written + size > length)
			throw new AvroError('a snappy copy points outside its block');
		// Byte by byte: a copy may overlap what it writes (a repeated run).
		for (let i = 0; i < size; i++, written++) output[written] = output[written - offset];
	}
	if (written !== length) throw new AvroError('a snappy block is shorter than it says');
	return output;
}

async function uncompress(codec: string, block: Uint8Array): Promise<Uint8Array> {
	switch (codec) {
		case 'null':
			return block;
		case 'deflate':
			return await inflateRaw(block);
		case 'snappy': {
			// The block is followed by the CRC-32 of the uncompressed data, big-endian.
			if (block.length < 4) throw new AvroError('a snappy block has no checksum');
			const data = snappyUncompress(block.subarray(0, block.length - 4));
			const view = new DataView(block.buffer, block.byteOffset + block.length - 4, 4);
			if (view.getUint32(0, false) !== crc32(data))
				throw new AvroError('a snappy block fails its checksum');
			return data;
		}
		default:
			throw new AvroError(`the codec "${codec}" is not supported (null, deflate and snappy are)`);
	}
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
