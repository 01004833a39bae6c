/** Avro's binary encoding: a cursor over the bytes, and the errors a reader gives. */
export class AvroError extends Error {}

/** The bytes read so far end inside the header or a block: more must come (or the file is truncated). */
export class NeedMoreData extends AvroError {}

/** A cursor over Avro's binary encoding. */
export class Decoder {
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
