/* Cohere Batch in the real n8n. */
import path from 'node:path';
import { check, expectEqual } from '../../checks';
import { checkRanWithoutError, execute } from '../checks';
import type { Scenario } from './types';

export async function batchChat(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nCohere Batch: a sheet of tickets through one batch');
	emulator.reset();
	const run = await execute(userFolder, 'e2eCohereBatch01', version);
	const texts = [
		'My invoice is wrong',
		'Wo ist mein Paket? 📦',
		'please fail-record this one',
		'Cancel my plan',
	];
	checkRanWithoutError(run);
	check('one batch-chat-v2-input dataset with one exact record per item, then one batch', () => {
		const uploads = emulator.requestsTo('/v1/datasets', 'POST');
		expectEqual(
			[uploads.length, uploads[0]?.queryAll?.type, uploads[0]?.queryAll?.keep_fields],
			[1, ['batch-chat-v2-input'], ['custom_id']],
		);
		const records = (/\r\n\r\n([\s\S]*?)\r\n--/.exec(uploads[0]?.rawBody ?? '')?.[1] ?? '')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		expectEqual(
			records,
			texts.map((text, index) => ({
				custom_id: String(index),
				body: {
					messages: [
						{
							role: 'system',
							content: [{ type: 'text', text: 'Name the topic of this support ticket.' }],
						},
						{ role: 'user', content: [{ type: 'text', text }] },
					],
					temperature: 0.2,
					max_tokens: 40,
				},
			})),
		);
		const batches = emulator.requestsTo('/v2/batches', 'POST');
		expectEqual(
			[batches.length, (batches[0]?.body as any)?.name, (batches[0]?.body as any)?.model],
			[1, 'e2e-tickets', 'command-a-03-2025'],
		);
	});
	check(
		'each answer on its own item, the failed record an error item in its place (Avro output, no key sent)',
		() => {
			const items = run.output('Cohere Batch');
			const failed = /^Cohere could not answer item 2 in batch batch-/;
			expectEqual(
				items.map((i) => [
					i.json.text ?? (failed.test(String(i.json.error)) ? 'error for item 2' : i.json.error),
					i.pairedItem,
				]),
				[
					['Answer to: My invoice is wrong', { item: 0 }],
					['Answer to: Wo ist mein Paket? 📦', { item: 1 }],
					['error for item 2', { item: 2 }],
					['Answer to: Cancel my plan', { item: 3 }],
				],
			);
			expectEqual(
				emulator.fileRequests.map((r) => [/\.avro$/.test(r.path), r.authorization]),
				[[true, undefined]],
			);
		},
	);
}
