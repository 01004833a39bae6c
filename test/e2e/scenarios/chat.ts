/* Cohere Chat in every form, in the real n8n. */
import { sample } from '../../fixtures';
import { check, expectEqual } from '../../checks';
import { checkRanWithoutError, execute } from '../checks';
import type { Scenario } from './types';

export async function chatInEveryForm(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nWorkflow "Cohere: Chat in every form"');
	emulator.reset();
	const chat = await execute(userFolder, 'e2eCohereChat001', version);
	checkRanWithoutError(chat);
	check('Chat: one simplified answer per question, in order, paired', () => {
		expectEqual(
			chat.output('Chat').map((i) => [i.json.text, i.json.finish_reason, i.pairedItem]),
			[
				['Answer to: What is n8n?', 'COMPLETE', { item: 0 }],
				['Answer to: What is Cohere Rerank?', 'COMPLETE', { item: 1 }],
				['Answer to: How do embeddings work?', 'COMPLETE', { item: 2 }],
			],
		);
		const first = emulator
			.requestsTo('/v2/chat')
			.find((r) => JSON.stringify(r.body).includes('What is n8n?'));
		expectEqual((first?.body as any)?.messages, [
			{ role: 'system', content: 'Be brief.' },
			{ role: 'user', content: 'What is n8n?' },
		]);
	});
	check('Chat JSON Output: the parsed JSON is in the item', () => {
		expectEqual(chat.output('Chat JSON Output')[0]?.json.json, {
			answer: 'Give me JSON',
			length: 12,
		});
	});
	check('Chat With Documents: documents sent, citations with their sources out', () => {
		const [item] = chat.output('Chat With Documents');
		expectEqual(
			(item.json.citations as any[]).map((c) => c.sources[0].id),
			['doc:0', 'faq-1'],
		);
		const request = emulator.requestsTo('/v2/chat').find((r) => (r.body as any).documents);
		expectEqual(
			[(request?.body as any).documents, (request?.body as any).citation_options],
			[
				[
					'Refunds take 5 days.',
					{ id: 'faq-1', data: { title: 'FAQ', text: 'Shipping is free.' } },
				],
				{ mode: 'FAST' },
			],
		);
	});
	check('Chat With Image: the binary from n8n arrives as an image_url data URI', () => {
		const request = emulator
			.requestsTo('/v2/chat')
			.find((r) => (r.body as any).model === 'command-a-vision-07-2025');
		expectEqual((request?.body as any)?.messages?.[0]?.content?.[1], {
			type: 'image_url',
			image_url: { url: 'data:image/png;base64,AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=' },
		});
		expectEqual(
			chat.output('Chat With Image')[0]?.json.text,
			'Answer to: What is in this picture? (saw 1 image)',
		);
	});
	check('Gateway Chat With File: a file part at /api/v1/chat/completions', () => {
		const [request] = emulator.requestsTo('/api/v1/chat/completions');
		expectEqual((request?.body as any)?.messages?.[0]?.content?.[1], {
			type: 'file',
			file_name: 'photo.png',
			file: { file_data: 'data:image/png;base64,AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=' },
		});
		expectEqual(
			chat.output('Gateway Chat With File')[0]?.json.text,
			'Answer to: Describe the attached file. (with file)',
		);
	});
	check(
		'Chat v1 and Generate reproduce the documented samples (request bodies and outputs)',
		() => {
			const chatSample = sample('Generate Chat (Beta)');
			const generateSample = sample('Generate Text');
			expectEqual(
				emulator.requestsTo('/v1/chat').map((r) => r.body),
				[chatSample.input.body],
				'v1 chat body',
			);
			expectEqual(
				chat.output('Chat v1 (Documented Sample)').map((i) => i.json),
				[chatSample.output],
				'v1 chat output',
			);
			expectEqual(
				emulator.requestsTo('/v1/generate').map((r) => r.body),
				[generateSample.input.body],
				'generate body',
			);
			expectEqual(
				chat.output('Generate (Documented Sample)').map((i) => i.json),
				[generateSample.output],
				'generate output',
			);
		},
	);
}
