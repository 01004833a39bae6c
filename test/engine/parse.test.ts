/* Cohere Parse: each item's document image to Markdown or layout blocks, through n8n's engine and the emulator. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { listSearch, runNode } from './harness';
import { useEmulator } from './setup';
import { byId, documentPhoto } from '../fixtures';

const ctx = useEmulator();

/** A page photo as an item's binary. */
const page = (text: string, mimeType = 'image/png', fileName = 'receipt.png') => ({
	data: documentPhoto(text).toString('base64'),
	mimeType,
	fileName,
});
const dataUriOf = (binary: { data: string; mimeType: string }) =>
	`data:${binary.mimeType};base64,${binary.data}`;

function parse(
	parameters: IDataObject,
	items: INodeExecutionData[],
	{ continueOnFail = false } = {},
) {
	return runNode({
		type: 'cohereParse',
		parameters: { model: byId('parse-v5.0'), ...parameters },
		credentials: ctx.credentials(),
		items,
		continueOnFail,
	});
}
const sentBodies = () => ctx.emulator.requestsTo('/v2/parse').map((r) => r.body as IDataObject);

describe('Cohere Parse', () => {
	test("the item's image as a data URI; the Markdown of every page joined, and each page with its images", async () => {
		const receipt = page('# Receipt\n\nTotal: 12.50 EUR\n[figure: the shop logo]\fThank you!');
		const run = await parse({}, [{ json: { chatId: 42 }, binary: { data: receipt } }]);
		expect(run.error).toBeUndefined();
		expect(sentBodies()).toEqual([
			{
				model: 'parse-v5.0',
				document: { type: 'image_url', image_url: dataUriOf(receipt) },
				output_format: 'markdown',
			},
		]);
		const logo = {
			id: 'img-0',
			description: 'the shop logo',
			category: 'other',
			bounding_box: { top_left_x: 10, top_left_y: 20, bottom_right_x: 410, bottom_right_y: 320 },
			bounding_box_normalized: {
				top_left_x: 0.01,
				top_left_y: 0.02,
				bottom_right_x: 0.41,
				bottom_right_y: 0.32,
			},
		};
		const first = '# Receipt\n\nTotal: 12.50 EUR\n![the shop logo](img-0)';
		expect(run.items).toEqual([
			{
				json: {
					chatId: 42,
					markdown: `${first}\n\nThank you!`,
					pages: [
						{ index: 0, markdown: first, images: [logo] },
						{ index: 1, markdown: 'Thank you!', images: [] },
					],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('Output Format Blocks: the blocks of each page with their bounding boxes', async () => {
		const run = await parse({ outputFormat: 'blocks' }, [
			{ json: {}, binary: { data: page('Invoice 7\n[figure: a signature]') } },
		]);
		expect(sentBodies()[0].output_format).toBe('blocks');
		expect(run.items[0].json.pages).toEqual([
			{
				index: 0,
				blocks: [
					{ type: 'text', text: { content: 'Invoice 7' } },
					{
						type: 'image',
						image: expect.objectContaining({
							description: 'a signature',
							bounding_box: expect.objectContaining({ top_left_x: 10 }),
						}),
					},
				],
			},
		]);
		expect(run.items[0].json).not.toHaveProperty('markdown');
	});

	test('an Image URL is sent as it is; Simplify off gives Cohere’s whole response', async () => {
		const run = await parse(
			{ inputSource: 'url', imageUrl: ' https://example.com/slide.webp ', simplify: false },
			[{ json: {} }],
		);
		expect(sentBodies()[0].document).toEqual({
			type: 'image_url',
			image_url: 'https://example.com/slide.webp',
		});
		expect(run.items[0].json).toEqual({
			id: expect.any(String),
			pages: [
				{
					index: 0,
					type: 'markdown',
					markdown: { content: 'Page at https://example.com/slide.webp' },
				},
			],
			meta: expect.any(Object),
		});
	});

	test('many items: one request each, in order, each answer paired to its item', async () => {
		const items = ['one', 'two', 'three', 'four'].map((word) => ({
			json: { word },
			binary: { data: page(`Page ${word}`) },
		}));
		const run = await parse({}, items);
		expect(sentBodies()).toHaveLength(4);
		expect(run.items.map((item) => [item.json.word, item.json.markdown, item.pairedItem])).toEqual(
			['one', 'two', 'three', 'four'].map((word, index) => [word, `Page ${word}`, { item: index }]),
		);
	});

	test.each([
		[
			'a PDF file',
			{},
			{ data: page('x', 'application/pdf', 'scan.pdf') },
			/^Binary property "data" of item 0 is a PDF, which Cohere Parse does not take yet$/,
		],
		[
			'a PDF by its name',
			{},
			{ data: page('x', 'application/octet-stream', 'scan.PDF') },
			/^Binary property "data" of item 0 is a PDF/,
		],
		[
			'no such binary property',
			{ binaryPropertyName: 'photo' },
			{ data: page('x') },
			/^Item 0 has no binary property "photo" \(from "Input Binary Field"\)$/,
		],
		[
			'an empty file',
			{},
			{ data: { data: '', mimeType: 'image/png', fileName: 'empty.png' } },
			/^Binary property "data" of item 0 is empty \(0 bytes\)$/,
		],
		[
			'a type Cohere does not take',
			{},
			{ data: page('x', 'image/tiff', 'scan.tiff') },
			/^Binary property "data" of item 0 is image\/tiff, which is not supported$/,
		],
		[
			'a file over 20 MB',
			{},
			{
				data: {
					data: Buffer.alloc(20 * 1024 * 1024 + 1, 1).toString('base64'),
					mimeType: 'image/png',
					fileName: 'big.png',
				},
			},
			/^The files of item 0 in "Input Binary Field" are too large: more than 20 MB/,
		],
		[
			'an Image URL that is a PDF',
			{ inputSource: 'url', imageUrl: 'https://example.com/scan.pdf' },
			undefined,
			/^The "Image URL" of item 0 is a PDF, which Cohere Parse does not take yet$/,
		],
		[
			'an Image URL that is no http(s) URL',
			{ inputSource: 'url', imageUrl: 'ftp://example.com/scan.png' },
			undefined,
			/^The parameter "Image URL" must be an http\(s\) URL or a data URI in item 0$/,
		],
		[
			'a data URI of text',
			{ inputSource: 'url', imageUrl: 'data:text/plain;base64,aGVsbG8=' },
			undefined,
			/^The parameter "Image URL" is a data URI of text\/plain in item 0$/,
		],
		[
			'an empty Image URL',
			{ inputSource: 'url', imageUrl: '  ' },
			undefined,
			/^The parameter "Image URL" is empty in item 0$/,
		],
	])(
		'%s is refused before sending, naming the item and the field',
		async (_, parameters, binary, message) => {
			const run = await parse(parameters, [{ json: {}, ...(binary ? { binary } : {}) }]);
			expect(run.error?.message).toMatch(message);
			expect(run.items).toEqual([]);
			expect(ctx.emulator.requests).toEqual([]);
		},
	);

	test('a PDF says what to do instead', async () => {
		const run = await parse({}, [
			{ json: {}, binary: { data: page('x', 'application/pdf', 'a.pdf') } },
		]);
		expect(run.error?.description).toMatch(/convert each page of the PDF to an image/);
	});

	test('Continue On Fail: a bad item becomes an error item paired to it, the others are parsed', async () => {
		const run = await parse(
			{},
			[
				{ json: {}, binary: { data: page('first') } },
				{ json: {}, binary: { data: page('x', 'application/pdf', 'scan.pdf') } },
				{ json: {}, binary: { data: page('third') } },
			],
			{ continueOnFail: true },
		);
		expect(
			run.items.map((item) => [item.json.markdown ?? item.json.error, item.pairedItem]),
		).toEqual([
			['first', { item: 0 }],
			[
				'Binary property "data" of item 1 is a PDF, which Cohere Parse does not take yet',
				{ item: 1 },
			],
			['third', { item: 2 }],
		]);
		expect(sentBodies()).toHaveLength(2);
	});

	test('Cohere’s refusal of a model that cannot parse names the item', async () => {
		const run = await parse({ model: byId('command-a-03-2025') }, [
			{ json: {}, binary: { data: page('x') } },
		]);
		expect(run.error?.message).toMatch(/400/);
		expect(run.error?.description).toMatch(/does not support parse/);
	});

	test('the model dropdown lists the parse models by name', async () => {
		const models = await listSearch('cohereParse', 'searchParseModels', ctx.credentials());
		expect(models.results).toEqual([{ name: 'parse-v5.0', value: 'parse-v5.0' }]);
	});
});
