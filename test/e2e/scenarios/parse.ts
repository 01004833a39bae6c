/* Cohere Parse in the real n8n: a receipt photo made by n8n's Convert to File, parsed, its Markdown embedded. */
import { check, expectEqual, expectTrue } from '../../checks';
import { checkRanWithoutError, execute } from '../checks';
import type { Scenario } from './types';

const MARKDOWN =
	'# Receipt\n\n| Item | Price |\n| --- | --- |\n| Coffee | 3.50 |\n\nTotal: 3.50 EUR\n![the shop logo](img-0)';

export async function parseAndEmbed(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nCohere Parse: a receipt photo to Markdown, then Cohere Embed');
	emulator.reset();
	const run = await execute(userFolder, 'e2eCohereParse01', version);
	checkRanWithoutError(run);
	check(
		'the photo goes to POST /v2/parse as a PNG data URI, with the model and Markdown asked for',
		() => {
			const [request] = emulator.requestsTo('/v2/parse');
			expectTrue(request !== undefined, 'one parse request');
			const body = request.body as { model: string; document: { image_url: string } };
			expectEqual(body.model, 'parse-v5.0', 'model');
			expectTrue(
				body.document.image_url.startsWith(
					'data:image/png;base64,iVBORw0KGgpURVhUOiMgUmVjZWlwdAoK',
				),
				`document: ${body.document.image_url.slice(0, 80)}`,
			);
			expectEqual((request.body as { output_format: string }).output_format, 'markdown');
		},
	);
	check(
		'the receipt comes out as Markdown with its table and its picture, paired to the photo',
		() => {
			const items = run.output('Cohere Parse');
			expectEqual(
				items.map((item) => [item.json.markdown, item.json.pages.length, item.pairedItem]),
				[[MARKDOWN, 1, { item: 0 }]],
			);
			expectEqual(items[0].json.pages[0].images[0].description, 'the shop logo', 'image');
		},
	);
	const embedRequests = () => emulator.requestsTo('/v2/embed').map((r) => r.body as any);
	check('Cohere Embed embeds that Markdown: one vector, paired', () => {
		expectEqual(
			embedRequests()
				.filter((body) => body.texts)
				.map((body) => body.texts),
			[[MARKDOWN]],
			'texts sent',
		);
		const items = run.output('Embed the Markdown');
		expectEqual(
			items.map((item) => [item.json.embedding?.length, item.pairedItem]),
			[[256, { item: 0 }]],
		);
	});
	check('Text and Image: the caption and the photo go as one input, one vector comes back', () => {
		const [mixed] = embedRequests().filter((body) => body.inputs);
		expectTrue(mixed !== undefined, 'one embed request with inputs');
		expectEqual(mixed.inputs.length, 1, 'inputs');
		const [text, image] = mixed.inputs[0].content;
		expectEqual(text, { type: 'text', text: 'Receipt sent by telegram:4711' }, 'text part');
		expectTrue(
			image?.type === 'image_url' &&
				image.image_url.url.startsWith('data:image/png;base64,iVBORw0KGgpURVhUOiMgUmVjZWlwdAoK'),
			`image part: ${JSON.stringify(image).slice(0, 120)}`,
		);
		expectEqual(
			run
				.output('Embed Photo and Caption')
				.map((item) => [item.json.embedding?.length, item.pairedItem]),
			[[256, { item: 0 }]],
		);
	});
}
