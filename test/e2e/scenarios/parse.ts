/* Cohere Parse in the real n8n: a receipt photo made by n8n's Convert to File, parsed, its Markdown embedded. */
import { check, expectEqual, expectTrue } from '../../checks';
import { checkRanWithoutError, execute, postToNewWebhook } from '../checks';
import { documentPhoto } from '../../fixtures';
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

/**
 * The flow the issue describes, in the running n8n: a photo posted to a published webhook as a multipart
 * upload, parsed by Cohere Parse, its Markdown embedded; the webhook answers with the last node's item.
 */
export async function parseWebhook(base: string, emulator: Scenario['emulator']) {
	console.log('\nCohere Parse behind a webhook: a posted photo to Markdown to an embedding');
	emulator.reset();
	const photo = documentPhoto('Invoice 2026-117\n\nDue: 30 days');
	const form = new FormData();
	form.append('photo', new Blob([photo], { type: 'image/png' }), 'invoice.png');
	const response = await postToNewWebhook(`${base}/webhook/cohere-e2e-parse`, { body: form }, 20);
	const answer = (await response.json().catch(() => ({}))) as { embedding?: number[] };
	check(
		'the uploaded photo reaches Cohere Parse byte for byte, and its Markdown is embedded',
		() => {
			expectEqual(response.status, 200, 'webhook status');
			const [parse] = emulator.requestsTo('/v2/parse');
			expectEqual(
				(parse?.body as { document?: unknown })?.document,
				{ type: 'image_url', image_url: `data:image/png;base64,${photo.toString('base64')}` },
				'document',
			);
			expectEqual(
				emulator.requestsTo('/v2/embed').map((r) => (r.body as { texts: string[] }).texts),
				[['Invoice 2026-117\n\nDue: 30 days']],
				'texts embedded',
			);
			expectEqual(answer.embedding?.length, 256, 'the webhook answers with the embedding');
		},
	);
}
