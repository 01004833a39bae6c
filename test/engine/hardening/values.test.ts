/* Values sent as they are meant or refused, and IDs that never walk the API. */
import { runNode } from '../harness';
import { useEmulator } from '../setup';
import { byId } from '../../fixtures';

const ctx = useEmulator();

describe('values sent as they are meant, or refused', () => {
	const object = { subject: 'Hello', body: 'World' };

	test('an object in Chat Prompt, Summarize Text and Tokenize Text is sent as JSON, not "[object Object]"', async () => {
		const items = [{ json: { value: object } }];
		await runNode({
			type: 'cohereChat',
			parameters: { api: 'v2', model: byId('command-a-03-2025'), prompt: '={{ $json.value }}' },
			credentials: ctx.credentials(),
			items,
		});
		await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'tokenize', model: byId('command'), text: '={{ $json.value }}' },
			credentials: ctx.credentials(),
			items,
		});
		await runNode({
			type: 'cohereSummarize',
			parameters: { method: 'chat', text: '={{ $json.value }}' },
			credentials: ctx.credentials(),
			items,
		});
		const json = JSON.stringify(object);
		expect((ctx.emulator.requestsTo('/v2/chat')[0].body as any).messages).toEqual([
			{ role: 'user', content: json },
		]);
		expect((ctx.emulator.requestsTo('/v1/tokenize')[0].body as any).text).toBe(json);
		const summaryPrompt = JSON.stringify(ctx.emulator.requestsTo('/v2/chat')[1].body);
		expect(summaryPrompt).toContain(JSON.stringify(json).slice(1, -1));
		expect(JSON.stringify(ctx.emulator.requests.map((r) => r.body))).not.toContain(
			'[object Object]',
		);
	});

	test('numbers and booleans are sent as text', async () => {
		await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'tokenize', model: byId('command'), text: '={{ 42 }}' },
			credentials: ctx.credentials(),
		});
		expect((ctx.emulator.requestsTo('/v1/tokenize')[0].body as any).text).toBe('42');
	});

	test.each([
		['[null, true, ""]', [null, true, ''], 'Token 1 of "IDs" in item 0 is not a token ID: null'],
		['[1, true]', [1, true], 'Token 2 of "IDs" in item 0 is not a token ID: true'],
		['"1, x"', '1, x', 'Token 2 of "IDs" in item 0 is not a token ID: x'],
		['[1.5]', [1.5], 'Token 1 of "IDs" in item 0 is not a token ID: 1.5'],
		['[{}]', [{}], 'Token 1 of "IDs" in item 0 is not a token ID: {}'],
	])('Detokenize IDs %s are refused naming the item', async (_label, ids, message) => {
		const run = await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'detokenize', model: byId('command'), ids: '={{ $json.ids }}' },
			credentials: ctx.credentials(),
			items: [{ json: { ids } }],
		});
		expect(run.error?.message).toBe(message);
		expect(ctx.emulator.requests).toEqual([]);
	});

	test('Detokenize IDs as numbers or digit strings are sent as numbers', async () => {
		const run = await runNode({
			type: 'cohereTokenize',
			parameters: { operation: 'detokenize', model: byId('command'), ids: '={{ $json.ids }}' },
			credentials: ctx.credentials(),
			items: [{ json: { ids: [10002, '2261'] } }, { json: { ids: '10002, 2261' } }],
		});
		expect(run.error).toBeUndefined();
		expect(ctx.emulator.requestsTo('/v1/detokenize').map((r) => (r.body as any).tokens)).toEqual([
			[10002, 2261],
			[10002, 2261],
		]);
	});

	test.each([
		['[null]', [null], 'Document 1 of "Documents" in item 0 is null: give a text or an object'],
		[
			'["a", [1]]',
			['a', [1]],
			'Document 2 of "Documents" in item 0 is an array: give a text or an object',
		],
	])('Chat Documents %s are refused', async (_label, documents, message) => {
		const run = await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'v2',
				model: byId('command-a-03-2025'),
				prompt: 'Sum up',
				documents: JSON.stringify(documents),
			},
			credentials: ctx.credentials(),
		});
		expect(run.error?.message).toBe(message);
		expect(ctx.emulator.requests).toEqual([]);
	});

	test('Chat Documents [1, true, "x"] are sent as texts', async () => {
		await runNode({
			type: 'cohereChat',
			parameters: {
				api: 'v2',
				model: byId('command-a-03-2025'),
				prompt: 'Sum up',
				documents: '[1, true, "x"]',
			},
			credentials: ctx.credentials(),
		});
		expect((ctx.emulator.requestsTo('/v2/chat')[0].body as any).documents).toEqual([
			'1',
			'true',
			'x',
		]);
	});
});

describe('IDs never walk the API', () => {
	test.each([
		['Get Dataset', { resource: 'dataset', operation: 'get' }, 'datasetId', 'Dataset'],
		['Delete Dataset', { resource: 'dataset', operation: 'delete' }, 'datasetId', 'Dataset'],
		['Get Embed Job', { resource: 'embedJob', operation: 'get' }, 'jobId', 'Embed Job'],
		['Cancel Embed Job', { resource: 'embedJob', operation: 'cancel' }, 'jobId', 'Embed Job'],
	])(
		'%s: ".", ".." and "" are refused, nothing is sent',
		async (_name, parameters, field, label) => {
			for (const [id, message] of [
				['.', `The parameter "${label}" is not a valid ID (".") in item 0`],
				['..', `The parameter "${label}" is not a valid ID ("..") in item 0`],
				['  ', `The parameter "${label}" is empty in item 0`],
			]) {
				const run = await runNode({
					type: 'cohereEmbedJobs',
					parameters: { ...parameters, [field]: id },
					credentials: ctx.credentials(),
				});
				expect(run.error?.message).toBe(message);
			}
			expect(ctx.emulator.requests).toEqual([]);
		},
	);

	test('List Models Get "..": refused; an ID with a slash is one encoded segment', async () => {
		const dots = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'get', model: byId('..') },
			credentials: ctx.credentials(),
		});
		expect(dots.error?.message).toBe('The parameter "Model" is not a valid ID ("..") in item 0');
		expect(ctx.emulator.requests).toEqual([]);
		await runNode({
			type: 'cohereEmbedJobs',
			parameters: { resource: 'dataset', operation: 'get', datasetId: 'a/../b' },
			credentials: ctx.credentials(),
		});
		expect(ctx.emulator.requests.map((r) => r.path)).toEqual(['/v1/datasets/a%2F..%2Fb']);
	});
});
