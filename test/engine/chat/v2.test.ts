/* Cohere Chat v2: input forms, RAG, vision, structured output, tools and options. */
import type { IDataObject } from 'n8n-workflow';

import { useEmulator } from '../setup';
import { byId } from '../../fixtures';
import { chatNode, png } from './chatNode';

const ctx = useEmulator();
const { chat, sentBodies } = chatNode(ctx);

describe('Cohere Chat v2: input forms', () => {
	test('prompt with a system message: exact request body, simplified output', async () => {
		const run = await chat({
			inputMode: 'prompt',
			prompt: 'What is n8n?',
			systemMessage: 'Be brief.',
		});
		expect(run.error).toBeUndefined();
		expect(sentBodies()).toEqual([
			{
				model: 'command-a-03-2025',
				messages: [
					{ role: 'system', content: 'Be brief.' },
					{ role: 'user', content: 'What is n8n?' },
				],
			},
		]);
		expect(run.items).toEqual([
			{
				json: {
					text: 'Answer to: What is n8n?',
					finish_reason: 'COMPLETE',
					usage: {
						billed_units: { input_tokens: 7, output_tokens: 7 },
						tokens: { input_tokens: 17, output_tokens: 7 },
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	test('a Messages list, with a tool result answering a tool call', async () => {
		const run = await chat({
			inputMode: 'messages',
			messages: {
				values: [
					{ role: 'user', content: 'Weather in Paris?' },
					{ role: 'assistant', content: 'Calling the weather tool.' },
					{ role: 'tool', content: '{"temp": 21}', toolCallId: 'get_weather_0' },
					{ role: 'user', content: 'So?' },
				],
			},
		});
		expect(run.error).toBeUndefined();
		expect(sentBodies()[0].messages).toEqual([
			{ role: 'user', content: 'Weather in Paris?' },
			{ role: 'assistant', content: 'Calling the weather tool.' },
			{ role: 'tool', content: '{"temp": 21}', tool_call_id: 'get_weather_0' },
			{ role: 'user', content: 'So?' },
		]);
	});

	test('messages from an expression continue a stored conversation, per item', async () => {
		const conversations = [
			[
				{ role: 'user', content: 'Hi' },
				{ role: 'assistant', content: 'Hello!' },
				{ role: 'user', content: 'Tell me more' },
			],
			[{ role: 'user', content: 'Second conversation' }],
		];
		const run = await chat(
			{ inputMode: 'json', messagesJson: '={{ $json.conversation }}' },
			conversations.map((conversation) => ({ json: { conversation } })),
		);
		expect(run.items.map((i) => i.json.text)).toEqual([
			'Answer to: Tell me more',
			'Answer to: Second conversation',
		]);
		expect(sentBodies().map((b) => b.messages)).toEqual(conversations);
	});

	test('an empty prompt and an unknown role are refused before any request, naming the item', async () => {
		const empty = await chat({ inputMode: 'prompt', prompt: '={{ $json.q }}' }, [
			{ json: { q: 'ok' } },
			{ json: { q: '  ' } },
		]);
		expect(empty.error?.message).toBe('The parameter "Prompt" is empty in item 1');
		expect(empty.error?.context?.itemIndex).toBe(1);
		const role = await chat({
			inputMode: 'json',
			messagesJson: '[{"role": "bot", "content": "x"}]',
		});
		expect(role.error?.message).toContain('unknown role "bot"');
		expect(ctx.emulator.requestsTo('/v2/chat')).toHaveLength(1); // only item 0 of the first run
	});

	test('Continue On Fail: the bad item becomes an error item, the others are answered', async () => {
		const run = await chat(
			{ inputMode: 'prompt', prompt: '={{ $json.q }}' },
			[{ json: { q: 'one' } }, { json: { q: '' } }, { json: { q: 'three' } }],
			true,
		);
		expect(run.items.map((i) => [i.json.text ?? i.json.error, i.pairedItem])).toEqual([
			['Answer to: one', { item: 0 }],
			['The parameter "Prompt" is empty in item 1', { item: 1 }],
			['Answer to: three', { item: 2 }],
		]);
	});
});

describe('Cohere Chat v2: RAG, vision, structured output, tools, options', () => {
	test('documents from an expression, citation mode, citations with their sources in the output', async () => {
		const documents = [
			'Paris is the capital of France.',
			{ id: 'faq-7', data: { title: 'FAQ', text: 'Refunds take 5 days.' } },
			{ title: 'Plain', text: 'An object without data' },
		];
		const run = await chat(
			{ prompt: 'Refunds?', documents: '={{ $json.docs }}', citationMode: 'ACCURATE' },
			[{ json: { docs: documents } }],
		);
		expect(run.error).toBeUndefined();
		const [body] = sentBodies();
		expect(body.documents).toEqual([
			'Paris is the capital of France.',
			{ id: 'faq-7', data: { title: 'FAQ', text: 'Refunds take 5 days.' } },
			{ data: { title: 'Plain', text: 'An object without data' } },
		]);
		expect(body.citation_options).toEqual({ mode: 'ACCURATE' });
		expect((run.items[0].json.citations as IDataObject[])[1]).toMatchObject({
			sources: [
				{ type: 'document', id: 'faq-7', document: { title: 'FAQ', text: 'Refunds take 5 days.' } },
			],
		});
	});

	test('images from binary properties become image_url data URIs on the user message', async () => {
		const run = await chat(
			{
				prompt: 'What is in these?',
				images: 'data, second',
				model: byId('command-a-vision-07-2025'),
			},
			[{ json: {}, binary: { data: png(), second: { ...png(8), mimeType: 'image/jpeg' } } }],
		);
		expect(run.error).toBeUndefined();
		expect(sentBodies()[0].messages).toEqual([
			{
				role: 'user',
				content: [
					{ type: 'text', text: 'What is in these?' },
					{ type: 'image_url', image_url: { url: `data:image/png;base64,${png().data}` } },
					{ type: 'image_url', image_url: { url: `data:image/jpeg;base64,${png(8).data}` } },
				],
			},
		]);
		expect(run.items[0].json.text).toBe('Answer to: What is in these? (saw 2 images)');
	});

	test('image errors: unsupported type, missing property, more than 20 images, more than 20 MB', async () => {
		const text = await chat({ prompt: 'x', images: 'data' }, [
			{ json: {}, binary: { data: { data: 'aGk=', mimeType: 'text/plain' } } },
		]);
		expect(text.error?.message).toBe(
			'Binary property "data" of item 0 is text/plain, which is not supported',
		);
		expect(text.error?.description).toContain('PNG, JPEG, WebP or GIF');
		const missing = await chat({ prompt: 'x', images: 'photo' }, [
			{ json: {}, binary: { data: png() } },
		]);
		expect(missing.error?.message).toBe(
			'Item 0 has no binary property "photo" (from "Image Binary Properties")',
		);
		const names = Array.from({ length: 21 }, (_, i) => `img${i}`);
		const many = await chat({ prompt: 'x', images: names.join(',') }, [
			{ json: {}, binary: Object.fromEntries(names.map((n) => [n, png()])) },
		]);
		expect(many.error?.message).toContain(
			'Too many files in "Image Binary Properties": 21, at most 20',
		);
		const big = await chat({ prompt: 'x', images: 'a, b' }, [
			{ json: {}, binary: { a: png(11 * 1024 * 1024), b: png(11 * 1024 * 1024) } },
		]);
		expect(big.error?.message).toContain('too large: more than 20 MB');
		expect(ctx.emulator.requestsTo('/v2/chat')).toHaveLength(0);
	});

	test('JSON object: the parsed answer is in the item; JSON schema is sent; invalid schema refused', async () => {
		const json = await chat({ prompt: 'Give JSON', responseFormat: 'json_object' });
		expect(json.items[0].json.json).toEqual({ answer: 'Give JSON', length: 9 });
		expect(sentBodies()[0].response_format).toEqual({ type: 'json_object' });
		const schema = {
			type: 'object',
			properties: { answer: { type: 'string' } },
			required: ['answer'],
		};
		await chat({
			prompt: 'Give JSON',
			responseFormat: 'json_schema',
			jsonSchema: JSON.stringify(schema),
		});
		expect(sentBodies()[1].response_format).toEqual({ type: 'json_object', json_schema: schema });
		const badSchema = await chat({
			prompt: 'x',
			responseFormat: 'json_schema',
			jsonSchema: '["not", "a", "schema"]',
		});
		expect(badSchema.error?.message).toBe(
			'The parameter "JSON Schema" must be a JSON Schema object in item 0',
		);
		const notJson = await chat({
			prompt: 'x',
			responseFormat: 'json_schema',
			jsonSchema: '{"type": ',
		});
		expect(notJson.error?.message).toContain('The parameter "JSON Schema" is not valid JSON');
		expect(ctx.emulator.requestsTo('/v2/chat')).toHaveLength(2);
	});

	test('invalid JSON from the model is an item error, not a crash', async () => {
		const run = await chat(
			{ prompt: '={{ $json.q }}', responseFormat: 'json_object' },
			[{ json: { q: 'fine' } }, { json: { q: 'INVALID_JSON please' } }],
			true,
		);
		expect(run.items[0].json.json).toEqual({ answer: 'fine', length: 4 });
		expect(run.items[1].json.error).toBe("The model's answer for item 1 is not valid JSON");
		expect(run.items[1].json.description).toContain('Sure! Here is the data');
	});

	test('tools: definitions normalized, tool choice and strict tools sent, tool calls with ids and parsed arguments', async () => {
		const tools = [
			{
				name: 'get_weather',
				description: 'Weather for a city',
				parameters: { type: 'object', properties: { city: { type: 'string' } } },
			},
		];
		const run = await chat({
			prompt: 'Weather in Paris?',
			tools: JSON.stringify(tools),
			toolChoice: 'required',
			strictTools: true,
		});
		const [body] = sentBodies();
		expect(body.tools).toEqual([{ type: 'function', function: tools[0] }]);
		expect(body.tool_choice).toBe('REQUIRED');
		expect(body.strict_tools).toBe(true);
		expect(run.items[0].json).toMatchObject({
			finish_reason: 'TOOL_CALL',
			tool_plan: 'I will call get_weather.',
			tool_calls: [
				{
					id: 'get_weather_0',
					type: 'function',
					name: 'get_weather',
					arguments: { query: 'Weather in Paris?' },
				},
			],
		});
		const badTool = await chat({ prompt: 'x', tools: '[{"name": "1bad"}]' });
		expect(badTool.error?.message).toContain('Tool 1 in "Tools" of item 0 needs a "name"');
	});

	test('options map onto the v2 request; reasoning comes out as thinking', async () => {
		const run = await chat({
			prompt: 'Think',
			model: byId('command-a-reasoning-08-2025'),
			options: {
				temperature: 0.2,
				maxTokens: 300,
				topP: 0.9,
				topK: 40,
				seed: 7,
				stopSequences: ['END'],
				frequencyPenalty: 0.1,
				presencePenalty: 0.2,
				safetyMode: 'STRICT',
				thinking: 'enabled',
				thinkingTokenBudget: 500,
				priority: 3,
				logprobs: true,
			},
		});
		expect(sentBodies()[0]).toEqual({
			model: 'command-a-reasoning-08-2025',
			messages: [{ role: 'user', content: 'Think' }],
			temperature: 0.2,
			max_tokens: 300,
			p: 0.9,
			k: 40,
			seed: 7,
			stop_sequences: ['END'],
			frequency_penalty: 0.1,
			presence_penalty: 0.2,
			safety_mode: 'STRICT',
			thinking: { type: 'enabled', token_budget: 500 },
			priority: 3,
			logprobs: true,
		});
		expect(run.items[0].json.thinking).toBe('Thinking about: Think');
	});

	test('Simplify Output off returns the API response body unchanged', async () => {
		const run = await chat({ prompt: 'Raw please', simplify: false });
		expect(run.items[0].json).toMatchObject({
			id: expect.any(String),
			finish_reason: 'COMPLETE',
			message: { role: 'assistant', content: [{ type: 'text', text: 'Answer to: Raw please' }] },
		});
	});

	test("API errors: 400 with Cohere's message, 404 for an unknown model", async () => {
		ctx.emulator.addFault({
			path: '/v2/chat',
			status: 400,
			message: 'invalid request: RAG is not supported for this model.',
		});
		const bad = await chat({ prompt: 'x' });
		expect(bad.error?.message).toContain('invalid (400)');
		expect(bad.error?.description).toBe('invalid request: RAG is not supported for this model.');
		const missing = await chat({ prompt: 'x', model: byId('command-zz') });
		expect(missing.error?.message).toContain('not found (404)');
		expect(missing.error?.description).toContain("model 'command-zz' not found");
	});
});
