/* With the credential: the model dropdown fills from the account, the dataset picker lists datasets, a node
 * executes from the editor, and the output panel tells when Cohere's rate limit held a step back. */
import path from 'node:path';

import { check, expectTrue } from '../checks';
import type { CohereEmulator } from '../emulator/server';
import { PACKAGE_NAME } from '../nodes';
import type { Editor } from './page';
import { createWorkflow, MANUAL_TRIGGER, openDropdown, sleep } from './page';
import { EMULATOR_CREDENTIAL } from '../fixtures';

export async function checkWorkingNodes(
	{ page, server, cookie, shots }: Editor,
	emulator: CohereEmulator,
) {
	console.log('\nWith the credential: the model dropdown fills, a node executes');
	const goodCredential = EMULATOR_CREDENTIAL;
	const workingId = await createWorkflow(server.base, cookie, {
		name: 'Working nodes',
		nodes: [
			MANUAL_TRIGGER,
			{
				id: 'tokenize',
				name: 'Cohere Tokenize',
				type: `${PACKAGE_NAME}.cohereTokenize`,
				typeVersion: 1,
				position: [250, 0],
				parameters: { text: 'hello world' },
				credentials: goodCredential,
			},
			{
				id: 'embedJobs',
				name: 'Cohere Embed Jobs',
				type: `${PACKAGE_NAME}.cohereEmbedJobs`,
				typeVersion: 1,
				position: [250, 400],
				parameters: {},
				credentials: goodCredential,
			},
			{
				id: 'chat',
				name: 'Cohere Chat',
				type: `${PACKAGE_NAME}.cohereChat`,
				typeVersion: 1,
				position: [250, 200],
				parameters: { prompt: 'Hello' },
				credentials: goodCredential,
			},
		],
		connections: {
			'When clicking': {
				main: [
					[
						{ node: 'Cohere Tokenize', type: 'main', index: 0 },
						{ node: 'Cohere Chat', type: 'main', index: 0 },
					],
				],
			},
		},
	});

	const models = await openDropdown(page, `${server.base}/workflow/${workingId}/chat`, 'model');
	await page.screenshot({ path: path.join(shots, 'chat-model-dropdown.png') });
	console.log(`    ${JSON.stringify(models)}`);
	await check('the Chat model dropdown fills from the account (chat models only)', () => {
		expectTrue(models.includes('command-a-03-2025'), JSON.stringify(models));
		expectTrue(!models.some((model) => model.startsWith('embed-')), JSON.stringify(models));
	});

	emulator.store.datasets.set('support-tickets-0001', {
		dataset: {
			id: 'support-tickets-0001',
			name: 'support-tickets',
			dataset_type: 'embed-input',
			validation_status: 'validated',
			created_at: new Date(0).toISOString(),
		},
		rows: [{ text: 'hello' }],
		validationPolls: 0,
	});
	const datasets = await openDropdown(
		page,
		`${server.base}/workflow/${workingId}/embedJobs`,
		'datasetId',
	);
	await page.screenshot({ path: path.join(shots, 'embed-jobs-dataset-dropdown.png') });
	console.log(`    ${JSON.stringify(datasets)}`);
	await check(
		"the Embed Jobs dataset dropdown lists the account's datasets with type and status",
		() =>
			expectTrue(
				datasets.includes('support-tickets (embed-input, validated)'),
				JSON.stringify(datasets),
			),
	);

	emulator.requests.length = 0;
	// One 429 asking for 1.2 s: the step waits it out, and its output says so (the execution hint).
	emulator.addFault({
		path: '/v1/tokenize',
		status: 429,
		headers: { 'retry-after-ms': '1200' },
	});
	await page.goto(`${server.base}/workflow/${workingId}/tokenize`, {
		waitUntil: 'networkidle2',
		timeout: 60000,
	});
	await (await page.waitForSelector('[data-test-id="node-execute-button"]', {
		timeout: 20000,
	}))!.click();
	let output = '';
	for (let i = 0; i < 60 && !output.includes('token_count'); i++) {
		await sleep(500);
		output = await page
			.$eval(
				'[data-test-id="output-panel"]',
				(element) => (element as unknown as { innerText: string }).innerText,
			)
			.catch(() => '');
	}
	await page.screenshot({ path: path.join(shots, 'tokenize-executed.png') });
	await check(
		'Execute step on Cohere Tokenize sends the text and shows the tokens in the output',
		() => {
			expectTrue(output.includes('token_count'), `output panel: ${output.slice(0, 500)}`);
			// The first was answered 429 and sent again.
			const sent = emulator.requestsTo('/v1/tokenize');
			expectTrue(sent.length === 2, `${sent.length} tokenize requests`);
			expectTrue(
				(sent[1].body as { text?: string }).text === 'hello world',
				JSON.stringify(sent[1].body),
			);
		},
	);
	await check("the output panel tells that Cohere's rate limit held the step back", () =>
		expectTrue(
			output.includes("Paced by Cohere's rate limit") && output.includes('POST /v1/tokenize'),
			`output panel: ${output.slice(0, 800)}`,
		),
	);
}
