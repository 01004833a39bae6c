/* List Models and Raw HTTP in the real n8n. */
import { sample } from '../../fixtures';
import { check, expectEqual, expectTrue } from '../../checks';
import { checkRanWithoutError, execute } from '../checks';
import type { Scenario } from './types';

export async function modelsAndRawHttp(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nWorkflow "Cohere: List Models and Raw HTTP"');
	emulator.reset();
	const main = await execute(userFolder, 'e2eModelsRawHttp', version);
	checkRanWithoutError(main);
	check('List Chat Models: every chat model, pages of 4 followed to the end', () => {
		expectEqual(
			main.output('List Chat Models').map((i) => i.json.name),
			[
				'command-a-03-2025',
				'command-a-reasoning-08-2025',
				'command-a-vision-07-2025',
				'command-r-plus-08-2024',
				'command-r-08-2024',
				'command-r7b-12-2024',
				'c4ai-aya-expanse-32b',
				'command',
				'command-light',
			],
		);
		const chatPages = emulator.requestsTo('/v1/models').filter((r) => r.query.endpoint === 'chat');
		expectEqual(
			chatPages.map((r) => r.query.page_token ?? null),
			[null, 'page-4', 'page-8'],
		);
	});
	check('requests carry the bearer key and the Client Name, to the /v1-stripped Base URL', () => {
		const request = emulator.requestsTo('/v1/models')[0];
		expectEqual(
			[request.headers.authorization, request.headers['x-client-name']],
			['Bearer test-key', 'n8n-e2e'],
		);
	});
	check('Get Embed Model', () =>
		expectEqual(
			main.output('Get Embed Model').map((i) => [i.json.name, i.json.default_endpoints]),
			[['embed-v4.0', ['embed']]],
		),
	);
	check('the documented List Models sample comes out unchanged', () => {
		const listModels = sample('List Models');
		expectEqual(
			main.output('Models Page (Documented Sample)').map((i) => i.json),
			[listModels.output],
		);
	});
	check('Raw HTTP Chat: one answer per question, in order, paired to its item', () => {
		const items = main.output('Raw HTTP Chat');
		expectEqual(
			items.map((i) => [i.json.status, i.json.body.message.content[0].text, i.pairedItem]),
			[
				[200, 'Answer to: What is n8n?', { item: 0 }],
				[200, 'Answer to: What is Cohere Rerank?', { item: 1 }],
				[200, 'Answer to: How do embeddings work?', { item: 2 }],
			],
		);
		expectEqual(
			emulator.requestsTo('/v2/chat').map((r) => (r.body as any).model),
			['command-a-03-2025', 'command-a-03-2025', 'command-a-03-2025'],
		);
	});
	check(
		'Raw HTTP documented classify sample: body sent as given, its Authorization header ignored, sample output',
		() => {
			const rawHttp = sample('Raw HTTP request (advanced)');
			const [request] = emulator.requestsTo('/v1/classify');
			expectEqual(request.body, rawHttp.input.body.raw, 'request body');
			expectEqual(request.headers.authorization, 'Bearer test-key', 'authorization');
			const [item] = main.output('Raw HTTP Classify (Documented Sample)');
			expectEqual(
				[item.json.status, item.json.body, item.json.headers['x-request-id']],
				[200, rawHttp.output.body, rawHttp.output.headers['X-Request-ID']],
			);
		},
	);
	check('Raw HTTP with "Return Error Responses as Items": the 404 is an item', () => {
		const [item] = main.output('Raw HTTP Unknown Model as Item');
		expectEqual(
			[item.json.status, item.json.body.message],
			[
				404,
				"model 'no-such-model' not found, make sure the correct model ID was used and that you have access to the model.",
			],
		);
	});
	check('the API key never appears in the execution output', () =>
		expectTrue(!main.log.includes('test-key'), 'test-key found in the output'),
	);
}
