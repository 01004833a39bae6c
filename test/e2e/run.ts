/* `npm run test:e2e`: our package inside the real n8n.
 *
 * Installs (once per machine, into a cache folder outside the repo) Node 24 and n8n, packs this package,
 * installs the tarball into a fresh n8n user folder as a community package, checks the packed files and
 * lints them like n8n's package scanner, imports an encrypted credential and the workflows in
 * test/e2e/workflows/, runs each with the n8n CLI against the local Cohere emulator, then starts the n8n
 * server for the credential test and the node/credential types the editor sees. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CohereEmulator } from '../emulator/server';
import { check, expectEqual, expectTrue, results, runSuite } from '../checks';
import { packageLogLines, postToNewWebhook } from './checks';
import {
	ensureRuntime,
	installPackage,
	ownerApi,
	n8n,
	N8N_VERSION,
	packPackage,
	PACKAGE_NAME,
	ROOT,
	startServer,
	WORKFLOWS_DIR,
} from './n8n-runtime';
import {
	aiAgent,
	checkNodeTypes,
	importFixtures,
	llmChain,
	MAIN_NODE_SCENARIOS,
	parseWebhook,
	type Scenario,
	vectorStore,
} from './scenarios';

/**
 * Sends a message to a published Chat Trigger and reads its streamed answer (JSON lines): the text of the
 * `item` chunks. The webhook registers shortly after the server answers, so a 404 is retried for a while.
 */
async function chatMessage(base: string, webhookId: string, chatInput: string) {
	const response = await postToNewWebhook(
		`${base}/webhook/${webhookId}/chat`,
		{
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ action: 'sendMessage', sessionId: 'e2e-session', chatInput }),
		},
		41,
	);
	const text = await response.text();
	const items = text
		.split('\n')
		.filter((line) => line.trim().startsWith('{'))
		.map((line) => JSON.parse(line) as { type?: string; content?: string })
		.filter((chunk) => chunk.type === 'item')
		.map((chunk) => chunk.content ?? '');
	return { status: response.status, items, text };
}

async function main() {
	await ensureRuntime();
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-cohere-e2e-'));
	const userFolder = path.join(work, 'user');
	const emulator = new CohereEmulator();
	const emulatorUrl = await emulator.start();
	let server: Awaited<ReturnType<typeof startServer>> | undefined;

	try {
		console.log('\nPackage');
		const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		const { tarball, files } = packPackage(work);
		check('npm pack holds only dist/, README.md, LICENSE and package.json', () => {
			const stray = files.filter(
				(f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(f),
			);
			expectEqual(stray, [], 'files outside the allowed set');
			for (const required of ['README.md', 'LICENSE', 'package.json'])
				expectTrue(files.includes(required), `${required} missing`);
			expectTrue(!files.some((f) => /\.test\.|\/test\//.test(f)), 'test files are packed');
		});
		check('every node and credential of the n8n block is packed with its codex file', () => {
			for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials])
				expectTrue(files.includes(file), `${file} not packed`);
			for (const file of packageJson.n8n.nodes as string[]) {
				const codex = file.replace(/\.js$/, '.json');
				expectTrue(files.includes(codex), `${codex} not packed`);
			}
		});

		const installDir = installPackage(tarball, userFolder, packageJson.version);

		const scan = spawnSync(
			process.execPath,
			[path.join(__dirname, 'scan-package.mjs'), ROOT, installDir],
			{ encoding: 'utf8', cwd: ROOT },
		);
		check(
			"n8n's community package scanner rules pass on the sources and the packed JavaScript (inline disables ignored)",
			() => {
				expectTrue(scan.status === 0, `${scan.stdout}\n${scan.stderr}`);
			},
		);

		const scenario: Scenario = { work, userFolder, emulator, emulatorUrl, version: N8N_VERSION };
		const ours = await checkNodeTypes(scenario, files, true);
		await importFixtures(scenario);
		for (const mainNodeScenario of MAIN_NODE_SCENARIOS) await mainNodeScenario(scenario);
		await llmChain(scenario, true);
		await aiAgent(scenario);
		await vectorStore(scenario);

		console.log('\nThe n8n server (editor API)');
		// The streaming agent answers a Chat Trigger: it runs once its workflow is published (active).
		const published = await n8n(userFolder, ['publish:workflow', '--id=e2eCohereAgentStrm']);
		const publishedParse = await n8n(userFolder, ['publish:workflow', '--id=e2eCohereParseHook']);
		server = await startServer(userFolder, 5600 + Math.floor(Math.random() * 300));
		const api = await ownerApi(server.base);
		const credentialTypes = (await api('GET', '/types/credentials.json')) as Array<{
			name: string;
			displayName: string;
			iconUrl?: unknown;
		}>;
		check(
			"the editor lists our credential type under its own name (not n8n's 'Cohere API'), with its icon",
			() => {
				const type = credentialTypes.find((c) => c.name === 'cohereBearerApi');
				expectTrue(
					type?.displayName === 'Cohere (Base URL, Client Name) API',
					`credential type: ${JSON.stringify(type)}`,
				);
				expectTrue(type?.iconUrl, 'credential icon missing');
			},
		);
		const iconUrl = ours[0]?.iconUrl?.light ?? '';
		const icon = await fetch(`${server.base}/${iconUrl}`);
		const iconBody = await icon.text();
		check('the editor serves the node icon', () =>
			expectTrue(icon.ok && iconBody.includes('<svg'), `GET /${iconUrl}: ${icon.status}`),
		);

		const created = await api('POST', '/rest/credentials', {
			name: 'Cohere emulator (test)',
			type: 'cohereBearerApi',
			data: { apiKey: 'test-key', baseUrl: emulatorUrl },
		});
		const credentialTest = (apiKey: string) =>
			api('POST', '/rest/credentials/test', {
				credentials: {
					id: created.data.id,
					name: 'Cohere emulator (test)',
					type: 'cohereBearerApi',
					data: { apiKey, baseUrl: `${emulatorUrl}/v1` },
				},
			});
		const good = await credentialTest('test-key');
		const bad = await credentialTest('wrong-key');
		check('credential test in the editor: a valid key passes', () =>
			expectEqual(good.data, { status: 'OK', message: 'Connection successful!' }),
		);
		check("credential test in the editor: a wrong key fails with Cohere's message", () => {
			expectEqual(bad.data?.status, 'Error', 'status');
			expectTrue(
				String(bad.data?.message).includes('invalid api token'),
				`message: ${bad.data?.message}`,
			);
		});
		emulator.addFault({ path: '/v1/models', kind: 'html' });
		const notCohere = await credentialTest('test-key');
		check(
			'credential test in the editor: an HTML page (a wrong Base URL) fails pointing at the Base URL',
			() => {
				expectEqual(
					notCohere.data,
					{
						status: 'Error',
						message:
							"The Base URL answered, but not like the Cohere API (no models list on /v1/models). Check the Base URL: https://api.cohere.com, or your gateway's Cohere-compatible address.",
					},
					'credential test answer',
				);
			},
		);
		emulator.addFault({
			path: '/v1/models',
			status: 302,
			headers: { location: 'http://127.0.0.2:9/v1/models' },
		});
		const redirected = await credentialTest('test-key');
		check('credential test in the editor: a redirect is not followed, and says so', () => {
			expectEqual(
				redirected.data,
				{
					status: 'Error',
					message:
						'The Base URL redirects elsewhere (302). The API key is only sent to the Base URL itself: set the Base URL to the address it redirects to.',
				},
				'credential test answer',
			);
		});
		const dropdown = await api('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.model',
			nodeTypeAndVersion: { name: `${PACKAGE_NAME}.cohereChat`, version: 1 },
			currentNodeParameters: { api: 'v2' },
			methodName: 'searchChatModels',
			filter: 'command-r',
			credentials: { cohereBearerApi: { id: created.data.id, name: 'Cohere emulator (test)' } },
		});
		check('the model dropdown fills in the editor (Chat, filtered by "command-r")', () => {
			expectEqual(
				(dropdown.data?.results ?? []).map((r: { value: string }) => r.value),
				['command-r-08-2024', 'command-r-plus-08-2024', 'command-r7b-12-2024'],
				`dropdown answer ${JSON.stringify(dropdown).slice(0, 300)}`,
			);
		});
		emulator.reset();
		check('the Parse webhook workflow is published', () =>
			expectTrue(
				publishedParse.status === 0,
				`publish:workflow: ${publishedParse.stdout}${publishedParse.stderr}`,
			),
		);
		await parseWebhook(server.base, emulator);
		emulator.reset();
		const streamed = await chatMessage(server.base, 'cohere-e2e-agent-stream', 'What is 6 * 7?');
		check(
			'the AI Agent streams the Cohere Command Chat Model to the chat, through a tool round',
			() => {
				expectTrue(
					published.status === 0,
					`publish:workflow: ${published.stdout}${published.stderr}`,
				);
				expectEqual(streamed.status, 200, 'chat webhook status');
				expectEqual(
					streamed.items.join(''),
					'Answer to: What is 6 * 7? (tool results: Calculator_0: [{"response":"42"}])',
					'streamed answer',
				);
				expectTrue(streamed.items.length > 1, `answer came in ${streamed.items.length} chunk(s)`);
				const bodies = emulator.requestsTo('/v2/chat').map((r) => r.body as any);
				expectEqual(
					bodies.map((b) => [b.stream, b.messages.at(-1).role, b.messages.at(-1).tool_call_id]),
					[
						[true, 'user', undefined],
						[true, 'tool', 'Calculator_0'],
					],
					'streaming requests',
				);
			},
		);
		check('n8n logged no warning or error about the package while serving', () => {
			const lines = packageLogLines(server!.log());
			expectEqual(lines, [], 'log lines');
		});
	} finally {
		server?.child.kill();
		await emulator.stop();
		if (results.failed === 0) rmSync(work, { recursive: true, force: true });
		else console.log(`\nkept ${work} for inspection`);
	}

	return `workflows: ${readdirSync(WORKFLOWS_DIR).length}`;
}

runSuite(main);
