import { runNode } from './harness';
import { useEmulator } from './setup';
import { byId, sample } from '../fixtures';

const ctx = useEmulator();

describe('Cohere Tokenize', () => {
	test('the "Generate Tokens" sample: exact request, and its output with simplify off', async () => {
		const { input, output } = sample('Generate Tokens');
		const run = await runNode({
			type: 'cohereTokenize',
			parameters: {
				operation: 'tokenize',
				model: byId(input.body.model),
				text: input.body.text,
				simplify: false,
			},
			credentials: ctx.credentials(),
		});
		expect(ctx.emulator.requestsTo('/v1/tokenize').map((r) => r.body)).toEqual([input.body]);
		expect(run.items.map((i) => i.json)).toEqual([output]);
	});

	test('simplified: tokens, token strings and the count, for many items at once', async () => {
		ctx.emulator.latencyMs = 50;
		const items = Array.from({ length: 8 }, (_, i) => ({ json: { text: `word ${i} and more` } }));
		const run = await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'tokenize', model: byId('command'), options: { concurrency: 4 } },
			credentials: ctx.credentials(),
			items,
		});
		expect(
			run.items.map((i) => [
				i.json.token_count,
				(i.json.token_strings as string[])[0],
				i.pairedItem,
			]),
		).toEqual(items.map((_, i) => [4, 'word', { item: i }]));
		expect(ctx.emulator.maxInFlight).toBe(4);
	});

	test('more than 65,536 characters is refused before sending, naming the item', async () => {
		const run = await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'tokenize', model: byId('command') },
			credentials: ctx.credentials(),
			items: [{ json: { text: 'ok' } }, { json: { text: 'x'.repeat(65537) } }],
			continueOnFail: true,
		});
		expect(run.items[1].json.error).toBe(
			'The parameter "Text" of item 1 has 65,537 characters; Cohere tokenizes at most 65,536',
		);
		expect(ctx.emulator.requestsTo('/v1/tokenize')).toHaveLength(1);
	});

	test('the "Generate Detokenized Text" sample, with its X-Client-Name header from the credential', async () => {
		const { input, output } = sample('Generate Detokenized Text');
		const run = await runNode({
			type: 'cohereTokenize',
			parameters: {
				operation: 'detokenize',
				model: byId(input.body.model),
				ids: '={{ $json.tokens }}',
				simplify: false,
			},
			credentials: ctx.credentials({ clientName: input.headers['X-Client-Name'] }),
			items: [{ json: { tokens: input.body.tokens } }],
		});
		const [request] = ctx.emulator.requestsTo('/v1/detokenize');
		expect(request.body).toEqual(input.body);
		expect(request.headers['x-client-name']).toBe('MyProject');
		expect(run.items.map((i) => i.json)).toEqual([output]);
	});

	test('detokenize takes a comma-separated string; bad IDs are refused naming the item', async () => {
		const run = await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'detokenize', model: byId('command'), ids: '1, 2,3' },
			credentials: ctx.credentials(),
		});
		expect(ctx.emulator.requestsTo('/v1/detokenize')[0].body).toEqual({
			tokens: [1, 2, 3],
			model: 'command',
		});
		expect(run.items[0].json).toEqual({ text: '<1><2><3>' });
		const bad = await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'detokenize', model: byId('command'), ids: '1, two' },
			credentials: ctx.credentials(),
		});
		expect(bad.error?.message).toBe('Token 2 of "IDs" in item 0 is not a token ID: two');
	});
});
