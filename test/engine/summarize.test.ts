import { runNode } from './harness';
import { useEmulator } from './setup';
import { byId, sample } from '../fixtures';

const ctx = useEmulator();
const summarizeText = sample('Summarize Text');
const chats = () => ctx.emulator.requestsTo('/v2/chat').map((r) => r.body as any);

describe('Cohere Summarize', () => {
	test('the "Summarize Text" sample through the legacy endpoint: exact request, X-Client-Name, output with simplify off', async () => {
		const { body, headers } = summarizeText.input;
		const run = await runNode({
			type: 'cohereSummarize',
			parameters: {
				method: 'endpoint',
				summarizeModel: byId(body.model),
				text: body.text,
				length: body.length,
				format: body.format,
				extractiveness: body.extractiveness,
				simplify: false,
				options: { temperature: body.temperature },
			},
			credentials: ctx.credentials({ clientName: headers['X-Client-Name'] }),
		});
		const [request] = ctx.emulator.requestsTo('/v1/summarize');
		expect(request.body).toEqual(body);
		expect(request.headers['x-client-name']).toBe('AI-Documentation-Project');
		expect(run.items.map((i) => i.json)).toEqual([summarizeText.output]);
	});

	test('the endpoint refuses texts under 250 characters before sending', async () => {
		const run = await runNode({
			type: 'cohereSummarize',
			parameters: { method: 'endpoint', summarizeModel: byId('command'), text: 'Too short.' },
			credentials: ctx.credentials(),
		});
		expect(run.error?.message).toBe(
			'The parameter "Text" of item 0 has 10 characters; /v1/summarize needs at least 250',
		);
		expect(ctx.emulator.requests).toHaveLength(0);
	});

	test('the chat method turns length, format, extractiveness and instructions into the prompt', async () => {
		const run = await runNode({
			type: 'cohereSummarize',
			parameters: {
				method: 'chat',
				model: byId('command-a-03-2025'),
				text: 'A short text about n8n.',
				length: 'short',
				format: 'bullets',
				extractiveness: 'high',
				additionalCommand: 'Focus on pricing.',
				options: { temperature: 0.2 },
			},
			credentials: ctx.credentials(),
		});
		expect(chats()).toEqual([
			{
				model: 'command-a-03-2025',
				messages: [
					{
						role: 'system',
						content:
							'You write summaries of texts. Keep it short: one or two sentences. Write it as a list of bullet points, each starting with "- ". Reuse sentences from the text as much as possible. Focus on pricing.',
					},
					{ role: 'user', content: 'Summarize this text:\n\nA short text about n8n.' },
				],
				temperature: 0.2,
			},
		]);
		expect(run.items[0].json).toEqual({
			summary: 'Answer to: Summarize this text:\n\nA short text about n8n.',
			usage: { input_tokens: expect.any(Number), output_tokens: expect.any(Number) },
		});
	});

	test('a text longer than the part size is summarized in parts, then the parts are summarized', async () => {
		const paragraph = 'Sentence about shipping and orders. '.repeat(40);
		const text = [paragraph, paragraph, paragraph].join('\n\n');
		const run = await runNode({
			type: 'cohereSummarize',
			parameters: {
				method: 'chat',
				model: byId('command-a-03-2025'),
				text,
				options: { maxPartCharacters: 1500 },
			},
			credentials: ctx.credentials(),
		});
		const sent = chats();
		expect(sent.length).toBeGreaterThan(2);
		expect(sent[0].messages[1].content).toMatch(/^Summarize part 1 of \d+ of a longer text:/);
		expect(sent.slice(0, -1).every((b) => b.messages[1].content.length < 1600)).toBe(true);
		expect(sent[sent.length - 1].messages[1].content).toMatch(
			/^These are summaries of the \d+ parts of one text, in order\./,
		);
		expect(run.items[0].json.parts).toBe(sent.length - 1);
	});

	test('an empty text is refused naming the item; Continue On Fail keeps the other items', async () => {
		const run = await runNode({
			type: 'cohereSummarize',
			parameters: { method: 'chat', model: byId('command-a-03-2025') },
			credentials: ctx.credentials(),
			items: [{ json: { text: 'first' } }, { json: { text: '' } }],
			continueOnFail: true,
		});
		expect(run.items.map((i) => i.json.error ?? 'ok')).toEqual([
			'ok',
			'The parameter "Text" is empty in item 1',
		]);
	});
});
