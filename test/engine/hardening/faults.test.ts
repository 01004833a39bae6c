/* Fault scenarios over 1,000 items with Continue On Fail: items in = items out, paired, the real reason. */
import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness';
import { useEmulator } from '../setup';
import { byId } from '../../fixtures';

const ctx = useEmulator();

describe('fault scenarios over 1,000 items with Continue On Fail: items in = items out, paired, the real reason', () => {
	const items = Array.from({ length: 1000 }, (_, i) => ({ json: { text: `question ${i}` } }));
	const chat = (options: IDataObject) =>
		runNode({
			type: 'cohereChat',
			parameters: {
				api: 'v2',
				model: byId('command-a-03-2025'),
				prompt: '={{ $json.text }}',
				options: { concurrency: 16, ...options },
			},
			credentials: ctx.credentials(),
			items,
			continueOnFail: true,
		});

	function expectComplete(run: Awaited<ReturnType<typeof chat>>, reason: RegExp, failures: number) {
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(1000);
		run.items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		const errors = run.items.filter((item) => item.json.error !== undefined);
		expect(errors).toHaveLength(failures);
		for (const error of errors) expect(String(error.json.error)).toMatch(reason);
		const answered = run.items.filter((item) => item.json.error === undefined);
		for (const item of answered) expect(typeof item.json.text).toBe('string');
	}

	test.each([
		['5xx burst', { status: 502, after: 100, times: 40 }, /^Cohere service problem \(502\)/],
		// A 429 is the key's pace, with a pinned number too: the storm is waited out, no item fails.
		['429 storm', { status: 429, after: 200, times: 60 }, /^never$/, 0],
		[
			'connection resets',
			{ kind: 'reset' as const, after: 300, times: 25 },
			/^Could not reach Cohere/,
		],
		['malformed JSON', { kind: 'malformed' as const, after: 400, times: 30 }, /not valid JSON/],
	])('%s', async (_label, fault, reason, failures: number = fault.times) => {
		ctx.emulator.addFault({ path: '/v2/chat', ...fault });
		const run = await chat({ maxRetries: 0 });
		expectComplete(run, reason, failures);
	});

	test('hangs: the hanging requests time out, every other item is answered', async () => {
		ctx.emulator.addFault({ path: '/v2/chat', kind: 'hang', after: 500, times: 8 });
		const run = await chat({ maxRetries: 0, timeout: 1 });
		expectComplete(run, /^Cohere did not answer within 1 s/, 8);
	});

	test('a 429 storm with retries: absorbed, no item fails', async () => {
		// 30 429s over 16 lanes: no request meets more than 2, which Max Retries 2 absorbs.
		ctx.emulator.addFault({
			path: '/v2/chat',
			status: 429,
			after: 100,
			times: 30,
			headers: { 'retry-after-ms': '5' },
		});
		const run = await chat({ maxRetries: 2 });
		expectComplete(run, /never/, 0);
	});

	test('Embed: a failed request of 96 texts fails exactly its items, with the reason', async () => {
		ctx.emulator.addFault({ path: '/v2/embed', status: 500, after: 3 });
		const run = await runNode({
			type: 'cohereEmbed',
			parameters: {
				api: 'cohere',
				model: byId('embed-v4.0'),
				options: { maxRetries: 0, concurrency: 1 },
			},
			credentials: ctx.credentials(),
			items,
			continueOnFail: true,
		});
		expect(run.items).toHaveLength(1000);
		run.items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
		const failed = run.items.flatMap((item, i) => (item.json.error ? [i] : []));
		expect(failed).toEqual(Array.from({ length: 96 }, (_, i) => 288 + i));
		expect(run.items[288].json.error).toBe('Cohere service problem (500): try again later');
	});
});
