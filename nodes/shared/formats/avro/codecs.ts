/** The block codecs Avro files use: null, deflate (raw, RFC 1951) and snappy (raw, with a CRC-32). */
import { AvroError } from './decoder';

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

export async function uncompress(codec: string, block: Uint8Array): Promise<Uint8Array> {
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
