/* Cohere Embed, "Text and Image": each item's text and its images as one input (inputs[].content). */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { fakeEmbedding } from '../emulator/handlers/common';
import { runNode } from './harness';
import { useEmulator } from './setup';
import { byId } from '../fixtures';

const ctx = useEmulator();

const png = (fill: number, bytes = 16) => ({
	data: Buffer.alloc(bytes, fill).toString('base64'),
	mimeType: 'image/png',
	fileName: `p${fill}.png`,
});
const uriOf = (image: { data: string; mimeType: string }) =>
	`data:${image.mimeType};base64,${image.data}`;

function embed(parameters: IDataObject, items: INodeExecutionData[], continueOnFail = false) {
	return runNode({
		type: 'cohereEmbed',
		parameters: { api: 'cohere', model: byId('embed-v4.0'), input: 'mixed', ...parameters },
		credentials: ctx.credentials(),
		items,
		continueOnFail,
	});
}
const bodies = () => ctx.emulator.requestsTo('/v2/embed').map((r) => r.body as IDataObject);

describe('Cohere Embed: Text and Image', () => {
	test('the text and the image of each item are one input; each vector goes back to its item', async () => {
		const shoe = png(1);
		const run = await embed({ options: { outputDimension: '256' } }, [
			{ json: { sku: 'A1', text: 'A red running shoe' }, binary: { data: shoe } },
		]);
		expect(run.error).toBeUndefined();
		const content = [
			{ type: 'text', text: 'A red running shoe' },
			{ type: 'image_url', image_url: { url: uriOf(shoe) } },
		];
		expect(bodies()).toEqual([
			{
				model: 'embed-v4.0',
				input_type: 'search_document',
				inputs: [{ content }],
				embedding_types: ['float'],
				output_dimension: 256,
			},
		]);
		expect(run.items).toEqual([
			{
				json: {
					sku: 'A1',
					text: 'A red running shoe',
					embedding: fakeEmbedding(`embed-v4.0:${JSON.stringify({ content })}`, 256),
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('several images of an item, comma-separated, go in its one input after the text', async () => {
		await embed({ imageProperty: 'front, back', model: byId('embed-v5.0-pro') }, [
			{ json: { text: 'Page 3' }, binary: { front: png(2), back: png(3) } },
		]);
		expect(bodies()[0].inputs).toEqual([
			{
				content: [
					{ type: 'text', text: 'Page 3' },
					{ type: 'image_url', image_url: { url: uriOf(png(2)) } },
					{ type: 'image_url', image_url: { url: uriOf(png(3)) } },
				],
			},
		]);
	});

	test('200 items: 96 inputs a request, in order, every vector paired to its item', async () => {
		const items = Array.from({ length: 200 }, (_, i) => ({
			json: { text: `product ${i}` },
			binary: { data: png(i % 250) },
		}));
		const run = await embed({}, items);
		expect(
			bodies()
				.map((body) => (body.inputs as unknown[]).length)
				.sort(),
		).toEqual([8, 96, 96]);
		expect(run.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		const texts = bodies().flatMap((body) =>
			(body.inputs as Array<{ content: Array<{ text?: string }> }>).map(
				(input) => input.content[0].text,
			),
		);
		expect(texts.sort()).toEqual(items.map((item) => item.json.text).sort());
		expect(run.items.map((item) => item.json.text)).toEqual(items.map((item) => item.json.text));
	});

	test('the images of one request stay within 20 MB: large images go in more requests', async () => {
		const big = (fill: number) => png(fill, 6 * 1024 * 1024);
		const items = [1, 2, 3, 4].map((fill) => ({
			json: { text: `scan ${fill}` },
			binary: { data: big(fill) },
		}));
		const run = await embed({}, items);
		expect(run.error).toBeUndefined();
		// Sent concurrently: the order they arrive in is not fixed.
		expect(
			bodies()
				.map((body) => (body.inputs as unknown[]).length)
				.sort(),
		).toEqual([1, 3]);
		expect(run.items.map((item) => [item.json.text, item.pairedItem])).toEqual(
			items.map((item, index) => [item.json.text, { item: index }]),
		);
	});

	test('a model without mixed inputs is refused before sending, naming the option', async () => {
		const run = await embed({ model: byId('embed-english-v3.0') }, [
			{ json: { text: 'x' }, binary: { data: png(1) } },
		]);
		expect(run.error?.message).toBe(
			'"What to Embed: Text and Image" needs Embed 4 or newer, not embed-english-v3.0',
		);
		expect(ctx.emulator.requests).toEqual([]);
	});

	test('Continue On Fail: an item without its image, or with a PDF, is an error item paired to it', async () => {
		const run = await embed(
			{},
			[
				{ json: { text: 'one' }, binary: { data: png(1) } },
				{ json: { text: 'two' } },
				{
					json: { text: 'three' },
					binary: { data: { data: 'JVBERi0=', mimeType: 'application/pdf', fileName: 'a.pdf' } },
				},
				{ json: { text: 'four' }, binary: { data: png(4) } },
			],
			true,
		);
		expect(run.items.map((item) => [item.json.error ?? item.json.text, item.pairedItem])).toEqual([
			['one', { item: 0 }],
			['Item 1 has no binary property "data" (from "Image Binary Property")', { item: 1 }],
			['Binary property "data" of item 2 is application/pdf, which is not supported', { item: 2 }],
			['four', { item: 3 }],
		]);
		expect(bodies().map((body) => (body.inputs as unknown[]).length)).toEqual([2]);
	});

	test('the other choices are unchanged: Text sends texts, Image sends images', async () => {
		await embed({ input: 'text' }, [{ json: { text: 'plain' }, binary: { data: png(1) } }]);
		await embed({ input: 'image' }, [{ json: { text: 'plain' }, binary: { data: png(1) } }]);
		expect(
			bodies().map((body) =>
				Object.keys(body).filter((k) => ['texts', 'images', 'inputs'].includes(k)),
			),
		).toEqual([['texts'], ['images']]);
	});
});
