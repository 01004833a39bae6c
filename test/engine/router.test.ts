/* The one router every node uses: the selecting parameters pick the operation; a value no operation has is
 * refused naming the parameter, before any request. */
import { runNode } from './harness';
import { useEmulator } from './setup';

const ctx = useEmulator();

describe('the shared router', () => {
	test.each([
		['cohereChat', { api: 'v3', prompt: 'Hi' }, 'api', 'v3'],
		['cohereEmbedJobs', { resource: 'dataset', operation: 'rename' }, 'operation', 'rename'],
		['cohereEmbedJobs', { resource: 'cluster', operation: 'get' }, 'resource', 'cluster'],
		['cohereSummarize', { method: 'abstract', text: 'x' }, 'method', 'abstract'],
		['cohereRerank', { source: 'table', query: 'q' }, 'source', 'table'],
		['cohereTokenize', { operation: 'count', text: 'x' }, 'operation', 'count'],
	])('%s %j: refused naming the parameter, nothing sent', async (type, parameters, name, value) => {
		const run = await runNode({ type, parameters, credentials: ctx.credentials() });
		expect(run.error?.message).toBe(
			`The parameter "${name}" has a value this node does not support: "${value}"`,
		);
		expect(ctx.emulator.requests).toEqual([]);
	});

	test('per-item operations keep order and pairing; whole-input operations answer for all items', async () => {
		const items = ['one', 'two', 'three'].map((text) => ({ json: { text } }));
		const tokenize = await runNode({
			type: 'cohereTokenize',
			parameters: { text: '={{ $json.text }}' },
			items,
			credentials: ctx.credentials(),
		});
		expect(
			ctx.emulator
				.requestsTo('/v1/tokenize')
				.map((r) => (r.body as { text: string }).text)
				.sort(),
		).toEqual(['one', 'three', 'two']);
		expect(tokenize.items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
		]);
		ctx.emulator.requests.length = 0;
		const embed = await runNode({
			type: 'cohereEmbed',
			parameters: {},
			items,
			credentials: ctx.credentials(),
		});
		expect(ctx.emulator.requestsTo('/v2/embed')).toHaveLength(1);
		expect(embed.items.map((i) => [i.json.text, i.pairedItem])).toEqual([
			['one', { item: 0 }],
			['two', { item: 1 }],
			['three', { item: 2 }],
		]);
	});
});
