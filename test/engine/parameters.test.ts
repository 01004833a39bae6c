/* perItemParameter reads `{{ $json.field }}` mappings straight from the items (10,000 expressions are slow
 * to evaluate one by one). Whatever the item holds, it must give exactly what n8n's own evaluation of the
 * same expression gives: compared here by running the same items with the fast form and with an equivalent
 * expression that n8n evaluates itself (wrapped in parentheses, which the fast path does not take). */
import { runNode } from './harness';
import { useEmulator } from './setup';

const ctx = useEmulator();

const items = [
	{
		text: 'plain',
		note: { body: 'nested', deeper: { x: 'deep' } },
		'a b': 'spaced',
		"it's": 'quote',
	},
	{ text: 42, note: { body: 7 }, 'a b': true },
	{ text: { an: 'object' }, note: null, 'a b': ['list', 1] },
	{ text: false, note: { body: { nested: 'object' } }, 'a b': null },
	{ text: '', note: {} },
	{ other: 'no text at all', note: 'a string, not an object' },
	{ text: '  spaces  ', note: { body: '' } },
].map((json) => ({ json }));

async function sentTexts(expression: string): Promise<{ texts: string[][]; output: unknown[] }> {
	ctx.emulator.requests.length = 0;
	const run = await runNode({
		type: 'cohereEmbed',
		parameters: { text: expression, output: 'embeddingOnly', options: { skipEmpty: true } },
		items,
		credentials: ctx.credentials(),
	});
	expect(run.error).toBeUndefined();
	return {
		texts: ctx.emulator.requestsTo('/v2/embed').map((r) => (r.body as { texts: string[] }).texts),
		output: run.items.map((item) => [item.pairedItem, Object.keys(item.json)]),
	};
}

describe('perItemParameter: the fast path gives what n8n evaluates', () => {
	test.each([
		['$json.text'],
		['$json.note.body'],
		['$json.note.deeper.x'],
		['$json["a b"]'],
		['$json["it\'s"]'],
		['$json["note"]["body"]'],
		['$json.missing.deeper'],
	])('{{ %s }}', async (path) => {
		const fast = await sentTexts(`={{ ${path} }}`);
		const evaluated = await sentTexts(`={{ (${path}) }}`);
		expect(fast).toEqual(evaluated);
		// And the comparison compares something: at least one text was sent for the fields that exist.
		if (!path.includes('missing')) expect(fast.texts.flat().length).toBeGreaterThan(0);
	});
});
