/* The one builder of chat bodies (nodes/shared/cohere/chat): every shared chat option reaches the body. */
import { chatOptions } from '../../nodes/shared/descriptions/options';
import {
	chatBody,
	chatSettings,
	compatibleChatBody,
	responseFormatBody,
} from '../../nodes/shared/cohere/chat';

const messages = [{ role: 'user', content: 'Hi' }];

/** A value a user could set for each option, other than its default. */
function setValue(name: string): unknown {
	const option = chatOptions[name as keyof typeof chatOptions];
	if (option.type === 'options') return option.options[0].value;
	if (option.type === 'string') return ['END'];
	return (option as { typeOptions?: { minValue?: number } }).typeOptions?.minValue === 1 ? 7 : 0.5;
}

describe('a /v2/chat body', () => {
	test.each(Object.keys(chatOptions))(
		'the option "%s" is sent when it is set (a new option needs its mapping here)',
		(name) => {
			// The token budget goes with reasoning on; every other option goes alone.
			const base = name === 'thinking' ? {} : { thinking: 'enabled' };
			const request = { model: 'command-a-03-2025', messages };
			expect(chatBody(request, { ...base, [name]: setValue(name) })).not.toEqual(
				chatBody(request, base),
			);
		},
	);

	test('the Options collection as Cohere names it, and only what was set', () => {
		const settings = chatSettings({
			temperature: 0.3,
			topP: 0.9,
			topK: 5,
			maxTokens: 100,
			stopSequences: ['', 'END'],
			thinking: 'enabled',
			thinkingTokenBudget: 512,
			priority: 2,
			timeout: 30,
		});
		expect(settings).not.toHaveProperty('timeout');
		expect(chatBody({ model: 'm', messages, toolChoice: 'required' }, settings)).toEqual({
			model: 'm',
			messages,
			temperature: 0.3,
			p: 0.9,
			k: 5,
			max_tokens: 100,
			stop_sequences: ['END'],
			thinking: { type: 'enabled', token_budget: 512 },
			priority: 2,
		});
	});

	test('tools, their choice in capitals, strict tools, documents and citations', () => {
		const tools = [{ type: 'function', function: { name: 'f', parameters: {} } }];
		expect(
			chatBody({
				messages,
				tools,
				toolChoice: 'required',
				strictTools: true,
				documents: ['a'],
				citationMode: 'fast',
			}),
		).toEqual({
			messages,
			tools,
			tool_choice: 'REQUIRED',
			strict_tools: true,
			documents: ['a'],
			citation_options: { mode: 'fast' },
		});
		expect(chatBody({ messages, toolChoice: 'required', strictTools: true })).toEqual({ messages });
	});

	test('response_format in Cohere’s form and the OpenAI-compatible one; the schema read only when asked', () => {
		const schema = { type: 'object', properties: { a: { type: 'string' } } };
		const read = jest.fn(() => schema);
		expect(responseFormatBody('text', read, 'cohere')).toBeUndefined();
		expect(responseFormatBody('json_object', read, 'openai')).toEqual({ type: 'json_object' });
		expect(read).not.toHaveBeenCalled();
		expect(responseFormatBody('json_schema', read, 'cohere')).toEqual({
			type: 'json_object',
			json_schema: schema,
		});
		expect(responseFormatBody('json_schema', read, 'openai')).toEqual({
			type: 'json_schema',
			json_schema: { name: 'response', schema },
		});
	});

	test('the OpenAI-compatible body uses that API’s names', () => {
		expect(
			compatibleChatBody(
				{ model: 'm', messages, tools: [{ type: 'function' }], toolChoice: 'required' },
				{ topP: 0.5, topK: 3, stopSequences: 'END', maxTokens: 10 },
			),
		).toEqual({
			model: 'm',
			messages,
			tools: [{ type: 'function' }],
			tool_choice: 'required',
			top_p: 0.5,
			stop: ['END'],
			max_tokens: 10,
		});
	});
});
