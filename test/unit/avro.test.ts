/* Our Avro reader (nodes/shared/formats/avro/) against files written by an independent implementation
 * (avsc, with snappyjs for the snappy codec): every codec Cohere may use, every kind of schema, non-ASCII
 * text, and 10,000 embeddings in several blocks; and the dataset part reader's choice between Avro and JSONL
 * by content. */
import snappy from 'snappyjs';

import { avroRecords } from '../../nodes/shared/formats/avro';
import { snappyUncompress } from '../../nodes/shared/formats/avro/codecs';
import type { PartBody } from '../../nodes/shared/cohere/datasetParts';
import { datasetPartRows } from '../../nodes/shared/cohere/datasetParts';
import { writeAvro } from '../emulator/avro';

/** Every record of an Avro file held whole. */
async function readAvroContainer(bytes: Uint8Array): Promise<unknown[]> {
	async function* once() {
		yield bytes;
	}
	const records: unknown[] = [];
	for await (const record of avroRecords(once())) records.push(record);
	return records;
}

/** Every row of a dataset part held whole. */
async function readDatasetPart(body: PartBody) {
	const rows = [];
	for await (const row of datasetPartRows(body)) rows.push(row);
	return rows;
}

const richSchema = {
	type: 'record',
	name: 'Row',
	namespace: 'cohere.test',
	fields: [
		{ name: 'id', type: 'string' },
		{ name: 'count', type: 'long' },
		{ name: 'small', type: 'int' },
		{ name: 'ok', type: 'boolean' },
		{ name: 'score', type: 'double' },
		{ name: 'nothing', type: 'null' },
		{ name: 'maybe', type: ['null', 'string'] },
		{ name: 'vector', type: { type: 'array', items: 'float' } },
		{ name: 'labels', type: { type: 'map', values: 'int' } },
		{ name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['TEXT', 'IMAGE'] } },
		{ name: 'raw', type: 'bytes' },
		{ name: 'hash', type: { type: 'fixed', name: 'Hash', size: 4 } },
		{
			name: 'meta',
			type: {
				type: 'record',
				name: 'Meta',
				fields: [
					{ name: 'source', type: 'string' },
					{ name: 'again', type: ['null', 'Kind'] },
				],
			},
		},
		{ name: 'nested', type: ['null', 'Meta'] },
	],
};

const richRecords = [
	{
		id: 'row-0',
		count: 2 ** 40 + 3,
		small: -7,
		ok: true,
		score: 0.125,
		nothing: null,
		maybe: 'Grüße, 東京 🚀',
		vector: [0.5, -1.25, 3],
		labels: { a: 1, b: -2 },
		kind: 'IMAGE',
		raw: Buffer.from([0, 1, 2, 255]),
		hash: Buffer.from('abcd'),
		meta: { source: 'naïve café', again: 'TEXT' },
		nested: { source: 'inner', again: null },
	},
	{
		id: 'row-1',
		count: -(2 ** 33),
		small: 0,
		ok: false,
		score: -1e300,
		nothing: null,
		maybe: null,
		vector: [],
		labels: {},
		kind: 'TEXT',
		raw: Buffer.alloc(0),
		hash: Buffer.from('wxyz'),
		meta: { source: '', again: null },
		nested: null,
	},
];

/** What the reader gives for them: bytes and fixed as base64 text, everything else as written. */
const expectedRich = richRecords.map((record) => ({
	...record,
	raw: record.raw.toString('base64'),
	hash: record.hash.toString('base64'),
}));

describe('readAvroContainer', () => {
	test.each(['null', 'deflate', 'snappy'] as const)(
		'codec %s: every kind of schema, nested and named types, non-ASCII text',
		async (codec) => {
			const file = await writeAvro(richSchema, richRecords, { codec });
			expect(await readAvroContainer(file)).toEqual(expectedRich);
		},
	);

	test.each(['deflate', 'snappy'] as const)(
		'codec %s: 10,000 embeddings of 256 floats in several blocks, in order',
		async (codec) => {
			const schema = {
				type: 'record',
				name: 'Embedded',
				fields: [
					{ name: 'id', type: 'string' },
					{ name: 'text', type: 'string' },
					{
						name: 'embeddings',
						type: {
							type: 'record',
							name: 'Embeddings',
							fields: [{ name: 'float', type: { type: 'array', items: 'float' } }],
						},
					},
				],
			};
			const records = Array.from({ length: 10_000 }, (_, row) => ({
				id: `row-${row}`,
				text: `text ${row}`,
				embeddings: { float: Array.from({ length: 256 }, (_, i) => ((row + i) % 64) / 8) },
			}));
			const file = await writeAvro(schema, records, { codec, blockSize: 64 * 1024 });
			const blocks =
				file.toString('latin1').split(file.subarray(-16).toString('latin1')).length - 2;
			expect(blocks).toBeGreaterThan(10);
			const read = (await readAvroContainer(file)) as typeof records;
			expect(read).toHaveLength(10_000);
			expect(read.map((r) => r.id)).toEqual(records.map((r) => r.id));
			expect(read[9_999]).toEqual(records[9_999]);
			expect(read[1234].embeddings.float).toEqual(records[1234].embeddings.float);
		},
	);

	test('what is wrong is said: not Avro, a cut file, a broken sync marker, an unknown codec, a bad checksum', async () => {
		const file = await writeAvro(richSchema, richRecords, { codec: 'null' });
		await expect(readAvroContainer(Buffer.from('{"a":1}\n'))).rejects.toThrow(
			'it does not start with the Avro header',
		);
		await expect(readAvroContainer(file.subarray(0, file.length - 20))).rejects.toThrow(
			/ends early/,
		);
		const broken = Buffer.from(file);
		broken[broken.length - 1] ^= 0xff;
		await expect(readAvroContainer(broken)).rejects.toThrow(
			"block 1 does not end with the file's sync marker",
		);
		const codecAt = file.indexOf('avro.codec');
		expect(codecAt).toBeGreaterThan(0);
		const renamed = Buffer.from(file);
		renamed.write('xxxx', file.indexOf('null', codecAt), 'latin1');
		await expect(readAvroContainer(renamed)).rejects.toThrow('the codec "xxxx" is not supported');
		const snappyFile = await writeAvro(richSchema, richRecords, { codec: 'snappy' });
		const corrupted = Buffer.from(snappyFile);
		corrupted[corrupted.length - 17] ^= 0x01; // the last byte of the checksum
		await expect(readAvroContainer(corrupted)).rejects.toThrow('a snappy block fails its checksum');
	});

	test('snappy: literals, short and long copies and overlapping runs, as snappyjs writes them', () => {
		const text = Buffer.from(
			'abcabcabcabc'.repeat(500) + 'Grüße '.repeat(3000) + 'x'.repeat(70_000),
		);
		expect(Buffer.from(snappyUncompress(snappy.compress(text)))).toEqual(text);
	});
});

describe('readDatasetPart', () => {
	test('Avro by content, whatever the part is called, as a Buffer or an ArrayBuffer', async () => {
		const file = await writeAvro(richSchema, richRecords);
		expect(await readDatasetPart(file)).toEqual(expectedRich);
		const arrayBuffer = new Uint8Array(file).buffer;
		expect(await readDatasetPart(arrayBuffer)).toEqual(expectedRich);
	});

	test('JSONL (a gateway that serves JSONL) still works; anything else is refused with the line', async () => {
		const jsonl = Buffer.from('{"id":"a","embeddings":{"float":[1,2]}}\n\n{"id":"b"}\n');
		expect(await readDatasetPart(jsonl)).toEqual([
			{ id: 'a', embeddings: { float: [1, 2] } },
			{ id: 'b' },
		]);
		expect(await readDatasetPart('{"id":"c"}\n')).toEqual([{ id: 'c' }]);
		await expect(readDatasetPart(Buffer.from('{"id":"a"}\nnot json\n'))).rejects.toThrow(
			'is neither Avro nor JSONL (line 2 is not a JSON object)',
		);
		const cut = await writeAvro(richSchema, richRecords);
		await expect(readDatasetPart(cut.subarray(0, cut.length - 20))).rejects.toThrow(
			/^is not a readable Avro file: the data ends early/,
		);
	});

	test('a part that streams in chunks of any size (7 bytes, 64 KiB) is read as it comes, Avro and JSONL alike', async () => {
		async function* inChunks(bytes: Uint8Array, size: number) {
			for (let start = 0; start < bytes.length; start += size)
				yield Buffer.from(bytes.subarray(start, start + size));
		}
		const collect = async (body: AsyncIterable<Uint8Array>) => {
			const rows = [];
			for await (const row of datasetPartRows(body)) rows.push(row);
			return rows;
		};
		for (const codec of ['null', 'deflate', 'snappy'] as const) {
			const file = await writeAvro(richSchema, richRecords, { codec, blockSize: 64 });
			expect(await collect(inChunks(file, 7))).toEqual(expectedRich);
			expect(await collect(inChunks(file, 65536))).toEqual(expectedRich);
		}
		// Multi-byte characters cut between chunks, a last line without its line break.
		const jsonl = Buffer.from('{"text":"Grüße 🌳"}\n{"text":"日本語"}');
		expect(await collect(inChunks(jsonl, 3))).toEqual([{ text: 'Grüße 🌳' }, { text: '日本語' }]);
		// A stream that stops inside a block says so.
		const file = await writeAvro(richSchema, richRecords, { codec: 'deflate' });
		await expect(collect(inChunks(file.subarray(0, file.length - 20), 5))).rejects.toThrow(
			/^is not a readable Avro file: the data ends early/,
		);
	});

	test('10,000 embeddings streamed: records come out before the whole part has arrived', async () => {
		const records = Array.from({ length: 10_000 }, (_, row) => ({
			id: `row-${row}`,
			float: Array.from({ length: 64 }, (_, i) => (row + i) % 7),
		}));
		const file = await writeAvro(
			{
				type: 'record',
				name: 'R',
				fields: [
					{ name: 'id', type: 'string' },
					{ name: 'float', type: { type: 'array', items: 'double' } },
				],
			},
			records,
			{ codec: 'deflate', blockSize: 16 * 1024 },
		);
		let sent = 0;
		async function* slowly() {
			for (let start = 0; start < file.length; start += 4096) {
				sent = start + 4096;
				yield file.subarray(start, start + 4096);
			}
		}
		let sentAtFirstRow = -1;
		let count = 0;
		for await (const row of datasetPartRows(slowly())) {
			if (count === 0) sentAtFirstRow = sent;
			expect(row.id).toBe(`row-${count}`);
			count++;
		}
		expect(count).toBe(10_000);
		expect(sentAtFirstRow).toBeLessThan(file.length / 4);
	});
});
