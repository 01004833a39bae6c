/* Embed, Rerank and Embed Jobs in the real n8n. */
import path from 'node:path';
import { check, expectEqual } from '../../checks';
import { checkRanWithoutError, execute } from '../checks';
import type { Scenario } from './types';

export async function embedRerankEmbedJobs(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nWorkflow "Cohere: Embed, Rerank and Embed Jobs"');
	emulator.reset();
	const corpus = await execute(userFolder, 'e2eEmbedRerankJb', version);
	const texts = [
		'red apples are sweet',
		'blue sky over the sea',
		'red apples',
		'green apples and pears',
		'a quiet harbour',
	];
	checkRanWithoutError(corpus);
	check(
		'Embed: 5 rows in one request, each row with its fields and a 256-dimension embedding',
		() => {
			const [request] = emulator.requestsTo('/v2/embed');
			expectEqual(
				[
					emulator.requestsTo('/v2/embed').length,
					(request?.body as any)?.texts,
					(request?.body as any)?.output_dimension,
				],
				[1, texts, 256],
			);
			const items = corpus.output('Embed');
			expectEqual(
				items.map((i) => [
					i.json.id,
					i.json.text,
					(i.json.embedding as number[])?.length,
					i.pairedItem,
				]),
				texts.map((text, i) => [`row-${i}`, text, 256, { item: i }]),
			);
		},
	);
	check('Embed via Gateway: /api/v1/embeddings, only the embedding per item', () => {
		const [request] = emulator.requestsTo('/api/v1/embeddings');
		expectEqual(
			[(request?.body as any)?.model, (request?.body as any)?.input_type],
			['cohere_english_v3', 'clustering'],
		);
		expectEqual(
			corpus.output('Embed via Gateway').map((i) => Object.keys(i.json)),
			texts.map(() => ['embedding']),
		);
	});
	check('Rerank: the top 3 rows, best first, with their fields, score and original index', () => {
		expectEqual(
			corpus
				.output('Rerank')
				.map((i) => [i.json.id, i.json.original_index, typeof i.json.relevance_score]),
			[
				['row-2', 2, 'number'],
				['row-0', 0, 'number'],
				['row-3', 3, 'number'],
			],
		);
	});
	check(
		'Embed Jobs: a dataset from the items, a job waited for, one item per embedded row (read from an Avro part)',
		() => {
			const [upload] = emulator.requestsTo('/v1/datasets', 'POST');
			expectEqual(
				[upload?.queryAll?.name, upload?.queryAll?.keep_fields],
				[['e2e-corpus'], ['id']],
			);
			expectEqual(
				corpus.output('Dataset From Items').map((i) => i.json.validation_status),
				['validated'],
			);
			expectEqual(
				corpus
					.output('Embed Job')
					.map((i) => [
						i.json.id,
						i.json.text,
						((i.json.embeddings as any)?.float as number[])?.length,
					]),
				texts.map((text, i) => [`row-${i}`, text, 384]),
			);
			expectEqual(
				emulator.fileRequests.map((f) => [f.authorization, f.path.endsWith('.avro')]),
				[[undefined, true]],
				'the part download: no Authorization, an Avro file as Cohere serves them',
			);
		},
	);
}
