/* Avro object container files written by an independent implementation (avsc; snappyjs for the snappy codec),
 * as Cohere serves dataset parts: the emulator's output parts and the reader's tests use them. */
import avro from 'avsc';
import snappy from 'snappyjs';
import { crc32, deflateRaw } from 'node:zlib';

export type AvroCodec = 'null' | 'deflate' | 'snappy';

/** Avro's snappy codec: raw snappy, then the CRC-32 of the uncompressed data, big-endian. */
function snappyCodec(data: Buffer, callback: (error: Error | null, result?: Buffer) => void) {
	const checksum = Buffer.alloc(4);
	checksum.writeUInt32BE(crc32(data) >>> 0);
	callback(null, Buffer.concat([Buffer.from(snappy.compress(data)), checksum]));
}

/** An Avro object container file of these records. */
export async function writeAvro(
	schema: object,
	records: unknown[],
	options: { codec?: AvroCodec; blockSize?: number } = {},
): Promise<Buffer> {
	const encoder = new avro.streams.BlockEncoder(avro.Type.forSchema(schema as avro.Schema), {
		codec: options.codec ?? 'deflate',
		codecs: {
			null: (data: Buffer, callback: (error: Error | null, result?: Buffer) => void) =>
				callback(null, data),
			deflate: deflateRaw,
			snappy: snappyCodec,
		} as never,
		blockSize: options.blockSize,
	});
	const chunks: Buffer[] = [];
	encoder.on('data', (chunk: Buffer) => chunks.push(chunk));
	const finished = new Promise<void>((resolve, reject) => {
		encoder.on('end', resolve);
		encoder.on('error', reject);
	});
	for (const record of records) encoder.write(record);
	encoder.end();
	await finished;
	return Buffer.concat(chunks);
}

/**
 * A record schema that fits every row (fields missing in some rows become nullable), inferred by avsc, with
 * every non-integer number a double so that values come back exactly as the emulator made them.
 */
export function schemaOf(rows: object[]): object {
	const type = avro.Type.forTypes(
		rows.map((row) => avro.Type.forValue(row)),
		{ wrapUnions: false },
	);
	let names = 0;
	const widen = (schema: unknown): unknown => {
		if (schema === 'float') return 'double';
		if (Array.isArray(schema)) return schema.map(widen); // a union, or a record's fields
		if (schema && typeof schema === 'object') {
			// Only types are widened: a field may be called "float" (Cohere's embedding types are).
			const copy = Object.fromEntries(
				Object.entries(schema).map(([key, value]) => [
					key,
					['type', 'items', 'values', 'fields'].includes(key) ? widen(value) : value,
				]),
			) as Record<string, unknown>;
			if (copy.type === 'record' && !copy.name) copy.name = `Record${names++}`;
			// A field some rows lack is nullable; its default lets those rows be written as they are.
			if (
				Array.isArray(copy.type) &&
				copy.type[0] === 'null' &&
				'name' in copy &&
				!('default' in copy)
			)
				copy.default = null;
			return copy;
		}
		return schema;
	};
	return widen(type.schema()) as object;
}
