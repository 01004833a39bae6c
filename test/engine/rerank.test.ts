import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from './harness';
import { useEmulator } from './setup';
import { byId } from '../fixtures';

const ctx = useEmulator();

function rerank(parameters: IDataObject, items: INodeExecutionData[], continueOnFail = false) {
	return runNode({
		type: 'cohereRerank',
		parameters: { model: byId('rerank-v3.5'), query: 'red apples', ...parameters },
		credentials: ctx.credentials(),
		items,
		continueOnFail,
	});
}
const bodies = () => ctx.emulator.requestsTo('/v2/rerank').map((r) => r.body as any);
// Scores differ by more than the emulator's jitter, so the order is fixed: 2, 1, 3, 0.
const docs = [
	'blue sky over the sea',
	'red apples are sweet',
	'red apples',
	'green apples and pears',
];

describe('Cohere Rerank', () => {
	test('input items come out reordered by relevance, fields kept, with relevance_score and original_index', async () => {
		const items = docs.map((text, i) => ({
			json: { id: `doc-${i}`, text, source: 'vector-store' },
		}));
		const run = await rerank({}, items);
		expect(run.error).toBeUndefined();
		expect(bodies()).toEqual([{ model: 'rerank-v3.5', query: 'red apples', documents: docs }]);
		expect(run.items.map((i) => i.json.original_index)).toEqual([2, 1, 3, 0]);
		expect(run.items[0]).toEqual({
			json: {
				id: 'doc-2',
				text: 'red apples',
				source: 'vector-store',
				relevance_score: expect.any(Number),
				original_index: 2,
			},
			pairedItem: { item: 2 },
		});
		const scores = run.items.map((i) => i.json.relevance_score as number);
		expect([...scores].sort((a, b) => b - a)).toEqual(scores);
	});

	test('Top N keeps the best; max tokens per document is sent; raw output has the results', async () => {
		const items = docs.map((text) => ({ json: { text } }));
		const top = await rerank({ topN: 2, options: { maxTokensPerDoc: 256 } }, items);
		expect(bodies()[0]).toMatchObject({ top_n: 2, max_tokens_per_doc: 256 });
		expect(top.items.map((i) => i.json.text)).toEqual(['red apples', 'red apples are sweet']);
		const raw = await rerank({ topN: 2, output: 'raw' }, items);
		expect(raw.items).toHaveLength(1);
		expect((raw.items[0].json.results as IDataObject[]).map((r) => r.index)).toEqual([2, 1]);
	});

	test('Minimum Relevance Score leaves out what scores below it, before Top N; it is not sent; out of range is refused', async () => {
		const items = docs.map((text) => ({ json: { text } }));
		const all = await rerank({}, items);
		const scores = all.items.map((i) => i.json.relevance_score as number);
		const between = (scores[1] + scores[2]) / 2;
		ctx.emulator.reset();
		const relevant = await rerank({ topN: 3, options: { minRelevanceScore: between } }, items);
		expect(relevant.items.map((i) => i.json.text)).toEqual(['red apples', 'red apples are sweet']);
		expect(bodies()).toEqual([
			{ model: 'rerank-v3.5', query: 'red apples', documents: docs, top_n: 3 },
		]);
		const wrong = await rerank({ options: { minRelevanceScore: 1.5 } }, items);
		expect(wrong.error?.message).toContain('Minimum Relevance Score');
	});

	test('more than 1,000 documents are split into requests and merged by score', async () => {
		const items = Array.from({ length: 2500 }, (_, i) => ({
			json: { text: i === 1700 ? 'red apples red apples' : `filler document ${i}` },
		}));
		const run = await rerank({ topN: 5 }, items);
		expect(bodies().map((b) => b.documents.length)).toEqual([1000, 1000, 500]);
		expect(bodies().map((b) => b.top_n)).toEqual([5, 5, 5]);
		expect(run.items).toHaveLength(5);
		expect(run.items[0].json.original_index).toBe(1700);
		expect(run.items[0].pairedItem).toEqual({ item: 1700 });
	});

	test('an array field of each item: one output item per ranked document, paired to its item', async () => {
		const items = [
			{ json: { question: 'red apples', matches: [{ text: 'blue sky' }, { text: 'red apples' }] } },
			{ json: { question: 'blue sky', matches: ['red apples', 'blue sky', 'sky'] } },
		];
		const run = await rerank(
			{ source: 'field', query: '={{ $json.question }}', documentsField: '={{ $json.matches }}' },
			items,
		);
		expect(run.error).toBeUndefined();
		expect(bodies().map((b) => [b.query, b.documents])).toEqual([
			['red apples', ['{"text":"blue sky"}', '{"text":"red apples"}']],
			['blue sky', ['red apples', 'blue sky', 'sky']],
		]);
		expect(run.items.map((i) => [i.json.document, i.json.original_index, i.pairedItem])).toEqual([
			[{ text: 'red apples' }, 1, { item: 0 }],
			[{ text: 'blue sky' }, 0, { item: 0 }],
			['blue sky', 1, { item: 1 }],
			['sky', 2, { item: 1 }],
			['red apples', 0, { item: 1 }],
		]);
	});

	test('empty query and empty documents are refused naming the item; Continue On Fail keeps the others', async () => {
		const noQuery = await rerank({ query: '' }, [{ json: { text: 'x' } }]);
		// n8n itself refuses a required parameter left empty, before the node runs.
		expect(noQuery.error?.message).toContain('Parameter "Query" is required.');
		const emptyQuery = await rerank({ query: '={{ $json.q }}' }, [{ json: { q: ' ', text: 'x' } }]);
		expect(emptyQuery.error?.message).toBe('The parameter "Query" is empty in item 0');
		const items = [
			{ json: { text: 'red apples' } },
			{ json: { text: '' } },
			{ json: { text: 'apples' } },
		];
		const failed = await rerank({}, items);
		expect(failed.error?.message).toBe('The parameter "Document" is empty in item 1');
		const kept = await rerank({}, items, true);
		expect(kept.items.map((i) => i.json.error ?? i.json.text)).toEqual([
			'The parameter "Document" is empty in item 1',
			'red apples',
			'apples',
		]);
		const notArray = await rerank({ source: 'field', documentsField: '={{ $json.text }}' }, [
			{ json: { text: 'x' } },
		]);
		expect(notArray.error?.message).toBe('The parameter "Documents" must be an array in item 0');
		expect(bodies()).toHaveLength(1);
	});

	test('an unknown model is a 404 naming the model', async () => {
		const run = await rerank({ model: byId('rerank-nope') }, [{ json: { text: 'x' } }]);
		expect(run.error?.message).toContain('not found (404)');
		expect(run.error?.description).toContain("model 'rerank-nope' not found");
	});
});
