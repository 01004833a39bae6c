/* `npm run test:ui`: the package in the real n8n editor, driven in headless Chromium (Debian's `chromium`,
 * through puppeteer-core; nothing downloads a browser). It searches the node creator as a user would and
 * opens a fresh node of every type, asserting what a user meets there, and saves a screenshot of each step
 * to a folder it prints. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { CohereEmulator } from '../emulator/server';
import {
	ensureRuntime,
	exampleCredentials,
	freePort,
	installPackage,
	n8n,
	N8N_VERSION,
	ownerSession,
	packPackage,
	PACKAGE_NAME,
	ROOT,
	startServer,
} from '../e2e/n8n-runtime';
import { builtDescription, PACKAGE_NODES, packageNode } from '../nodes';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let passed = 0;
let failed = 0;
async function check(name: string, assertion: () => Promise<void> | void) {
	try {
		await assertion();
		passed++;
		console.log(`  ✓ ${name}`);
	} catch (error) {
		failed++;
		console.log(`  ✗ ${name}\n      ${(error as Error).message.split('\n').join('\n      ')}`);
	}
}
function expectTrue(condition: unknown, message: string) {
	if (!condition) throw new Error(message);
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

async function search(page: Page, words: string): Promise<string[]> {
	// The node creator animates between views: the search box of the old view can be detached by the time
	// it is clicked, so wait for a visible one and try again when the click misses.
	let input = null;
	for (let attempt = 0; ; attempt++) {
		input = await page.waitForSelector(
			'[data-test-id="node-creator"] input[placeholder*="Search"]',
			{
				timeout: 15000,
				visible: true,
			},
		);
		try {
			await input!.click();
			break;
		} catch (error) {
			if (attempt >= 4) throw error;
			await sleep(500);
		}
	}
	await page.keyboard.down('Control');
	await page.keyboard.press('a');
	await page.keyboard.up('Control');
	await page.keyboard.press('Backspace');
	await input!.type(words, { delay: 20 });
	await sleep(800);
	return await page.$$eval('[data-test-id="node-creator-item-name"]', (elements) =>
		elements.map((element) => element.textContent?.trim() ?? ''),
	);
}

/** Fields of the n8n node settings tab, rendered in the same panel: not ours to order. */
const SETTINGS_FIELDS = new Set([
	'alwaysOutputData',
	'executeOnce',
	'retryOnFail',
	'maxTries',
	'waitBetweenTries',
	'onError',
	'notes',
	'notesInFlow',
]);

/** Field types the editor renders without a `parameter-input-<name>` element (collections, notices). */
function fieldTypes(type: string): Record<string, string> {
	return Object.fromEntries(
		builtDescription(packageNode(type)).properties.map((property) => [
			property.name,
			property.type,
		]),
	);
}

/** Display name → the node, for every node of the package. */
const byName = new Map(PACKAGE_NODES.map((node) => [builtDescription(node).displayName, node]));
const MAIN_NAMES = [...byName].filter(([, node]) => !node.aiOutput).map(([name]) => name);
/** The nodes the main search finds by "Cohere": the main nodes and the sub-nodes filed with them. */
const TOP_NAMES = [...byName]
	.filter(([, node]) => (node.aiSection !== undefined ? node.aiSection === '(top)' : true))
	.map(([name]) => name);

/** Opens a node's panel and the list of one of its resource locators; returns the entries it shows. */
async function openDropdown(page: Page, nodeUrl: string, parameter: string): Promise<string[]> {
	await page.goto(nodeUrl, { waitUntil: 'networkidle2', timeout: 60000 });
	await page.waitForSelector('[data-test-id="node-parameters"]', { timeout: 20000 });
	await (await page.waitForSelector(
		`[data-test-id="resource-locator-${parameter}"] [data-test-id="rlc-input"]`,
	))!.click();
	let entries: string[] = [];
	for (let i = 0; i < 30 && entries.length === 0; i++) {
		await sleep(300);
		entries = await page.$$eval('[data-test-id="rlc-item"]', (elements) =>
			elements.map((element) => element.textContent?.trim() ?? ''),
		);
	}
	return entries;
}

/** A manual trigger, the first node of the workflows the test creates. */
const MANUAL_TRIGGER = {
	id: 'trigger',
	name: 'When clicking',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Creates a workflow through the editor's REST API (as the logged-in owner) and returns its ID. */
async function createWorkflow(
	base: string,
	cookie: string,
	workflow: { name: string; nodes: unknown[]; connections?: unknown },
): Promise<string> {
	const response = await fetch(`${base}/rest/workflows`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		// n8n 1.x has no default for `active` when a workflow is created over the REST API.
		body: JSON.stringify({ active: false, connections: {}, settings: {}, ...workflow }),
	});
	expectTrue(response.ok, `creating workflow "${workflow.name}": HTTP ${response.status}`);
	return ((await response.json()) as { data: { id: string } }).data.id;
}

/** The sections of the node creator's list, from its text: which of `names` is listed under which heading. */
function sectionsOf(text: string, names: string[]): Record<string, string> {
	const found: Record<string, string> = {};
	let section = '(top)';
	for (const line of text.split('\n').map((l) => l.trim())) {
		if (/\(sub-nodes\)$/.test(line) || /^(Other )?Tools$/.test(line)) section = line;
		else if (names.includes(line) && !(line in found)) found[line] = section;
	}
	return found;
}

/**
 * Debian's Chromium, installed from the system packages when missing (CI runs as root on a clean machine);
 * nothing downloads a browser build of its own.
 */
function ensureChromium() {
	if (existsSync(CHROMIUM)) return;
	const root = process.getuid?.() === 0;
	expectTrue(
		root && process.env.CHROMIUM_PATH === undefined,
		`${CHROMIUM} not found: install Debian's chromium (sudo apt-get install chromium) or set CHROMIUM_PATH`,
	);
	console.log("Installing Debian's chromium (apt-get install chromium)");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
		const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
		expectTrue(result.status === 0, `apt-get ${args.join(' ')} failed (${result.status})`);
	}
	expectTrue(existsSync(CHROMIUM), `apt-get installed no ${CHROMIUM}`);
}

/** Older n8n versions without `@n8n/ai-node-sdk` (see test/e2e/compat.ts), as their editors show our package. */
const N8N_WITHOUT_SDK = ['1.123.81', '2.15.1'];

/**
 * The package in an older n8n's editor: a fresh Cohere Command Chat Model panel opens with the notice that
 * it needs n8n 2.16 or newer, and a fresh Cohere Embeddings panel (which needs no SDK) without it.
 */
async function checkOlderEditor(browser: Browser, version: string, tarball: string, shots: string) {
	console.log(`
n8n ${version}, without the AI node SDK: the chat model panel says what it needs`);
	const userFolder = path.join(path.dirname(shots), `user-${version}`);
	installPackage(tarball, userFolder, packageVersion());
	const server = await startServer(userFolder, await freePort(), version);
	try {
		const cookie = await ownerSession(server.base);
		const page = await browser.newPage();
		await page.setViewport({ width: 1400, height: 1000 });
		const [cookieName, cookieValue] = cookie.split('=');
		await page.setCookie({ name: cookieName, value: cookieValue, url: server.base });
		const id = await createWorkflow(server.base, cookie, {
			name: 'Sub-nodes',
			nodes: ['cohereChatModel', 'cohereEmbeddings'].map((type, index) => ({
				id: type,
				name: type,
				type: `${PACKAGE_NAME}.${type}`,
				typeVersion: 1,
				position: [index * 300, 0],
				parameters: {},
			})),
		});
		const panelText = async (nodeId: string) => {
			await page.goto(`${server.base}/workflow/${id}/${nodeId}`, {
				waitUntil: 'networkidle2',
				timeout: 90000,
			});
			await page.waitForSelector('[data-test-id="node-parameters"]', { timeout: 30000 });
			await sleep(800);
			await page.screenshot({ path: path.join(shots, `n8n-${version}-${nodeId}.png`) });
			return await page.$eval(
				'[data-test-id="node-parameters"]',
				(element) => (element as unknown as { innerText: string }).innerText,
			);
		};
		const chatModel = await panelText('cohereChatModel');
		await check(
			`n8n ${version}: the chat model panel opens with the notice, above the model`,
			() => {
				const notice = chatModel.indexOf('This node needs n8n 2.16 or newer');
				expectTrue(notice >= 0, `panel: ${chatModel.slice(0, 500)}`);
				expectTrue(notice < chatModel.indexOf('Model'), `panel: ${chatModel.slice(0, 500)}`);
			},
		);
		const embeddings = await panelText('cohereEmbeddings');
		await check(`n8n ${version}: the embeddings panel (no SDK needed) has no such notice`, () => {
			expectTrue(embeddings.includes('Model'), `panel: ${embeddings.slice(0, 500)}`);
			expectTrue(!embeddings.includes('n8n 2.16'), `panel: ${embeddings.slice(0, 500)}`);
		});
		await page.close();
	} finally {
		server.child.kill();
	}
}

function packageVersion(): string {
	return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
		.version;
}

async function main() {
	const started = Date.now();
	ensureChromium();
	await ensureRuntime([N8N_VERSION, ...N8N_WITHOUT_SDK]);
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-cohere-ui-'));
	const shots = path.join(work, 'screenshots');
	mkdirSync(shots);
	const userFolder = path.join(work, 'user');
	const emulator = new CohereEmulator();
	const emulatorUrl = await emulator.start();
	const { tarball } = packPackage(work);
	installPackage(tarball, userFolder, packageVersion());
	writeFileSync(
		path.join(work, 'credentials.json'),
		JSON.stringify(exampleCredentials(emulatorUrl)),
	);
	await n8n(userFolder, ['import:credentials', `--input=${path.join(work, 'credentials.json')}`]);
	const server = await startServer(userFolder, await freePort());
	const cookie = await ownerSession(server.base);
	const browser = await puppeteer.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	try {
		const page = await browser.newPage();
		await page.setViewport({ width: 1400, height: 1000 });
		const [cookieName, cookieValue] = cookie.split('=');
		await page.setCookie({ name: cookieName, value: cookieValue, url: server.base });

		console.log('\nThe node creator');
		await page.goto(`${server.base}/workflow/new`, { waitUntil: 'networkidle2', timeout: 90000 });
		await (await page.waitForSelector('[data-test-id="node-creator-plus-button"]'))!.click();
		const all = await search(page, 'Cohere');
		await page.screenshot({ path: path.join(shots, 'search-cohere.png') });
		await check('"Cohere" finds every main node and the sub-nodes filed with them', () => {
			for (const name of TOP_NAMES)
				expectTrue(all.includes(name), `${name} not among ${JSON.stringify(all)}`);
		});
		for (const name of MAIN_NAMES) {
			for (const word of [name, ...(byName.get(name)!.searchWords ?? [])]) {
				const found = await search(page, word);
				await check(`"${word}" finds ${name}`, () =>
					expectTrue(found.includes(name), `found ${JSON.stringify(found)}`),
				);
			}
		}

		console.log('\nAI nodes: main nodes listed as nodes, sub-nodes under their sub-node headings');
		const aiViewId = await createWorkflow(server.base, cookie, {
			name: 'AI view',
			nodes: [MANUAL_TRIGGER],
		});
		await page.goto(`${server.base}/workflow/${aiViewId}`, {
			waitUntil: 'networkidle2',
			timeout: 60000,
		});
		await (await page.waitForSelector('[data-test-id="node-creator-plus-button"]'))!.click();
		await sleep(800);
		for (const item of await page.$$('[data-test-id="node-creator-item-name"]')) {
			if ((await item.evaluate((element) => element.textContent?.trim())) === 'AI') {
				await item.click();
				break;
			}
		}
		await sleep(1200);
		await search(page, 'Cohere');
		await page.screenshot({ path: path.join(shots, 'ai-nodes-cohere.png') });
		const aiText = await page.$eval(
			'[data-test-id="node-creator"]',
			(element) => (element as unknown as { innerText: string }).innerText,
		);
		const sections = sectionsOf(aiText, [...byName.keys()]);
		console.log(`    ${JSON.stringify(sections)}`);
		await check('no main node is filed under a "(sub-nodes)" heading', () => {
			for (const name of MAIN_NAMES)
				expectTrue(sections[name] === '(top)', `${name}: ${sections[name] ?? 'not listed'}`);
		});
		await check(
			'the sub-nodes are where n8n files its own: chat model with the models, embeddings and reranker under their headings',
			() => {
				for (const [name, node] of byName)
					if (node.aiSection)
						expectTrue(sections[name] === node.aiSection, `${name}: ${JSON.stringify(sections)}`);
			},
		);

		console.log('\nCredentials');
		await page.goto(`${server.base}/home/credentials/create`, {
			waitUntil: 'networkidle2',
			timeout: 60000,
		});
		const appSearch = await page.waitForSelector('input[placeholder="Search for app..."]', {
			timeout: 20000,
		});
		await appSearch!.type('Cohere', { delay: 20 });
		await sleep(800);
		const credentialTypes = await page.$$eval(
			'[data-test-id="new-credential-type-select-option"]',
			(elements) => elements.map((element) => element.textContent?.trim() ?? ''),
		);
		await page.screenshot({ path: path.join(shots, 'credential-types-cohere.png') });
		console.log(`    ${JSON.stringify(credentialTypes)}`);
		await check(
			'"Add new credential" lists ours under its own name, apart from n8n\'s "Cohere API"',
			() => {
				expectTrue(
					credentialTypes.includes('Cohere (Base URL, Client Name) API'),
					JSON.stringify(credentialTypes),
				);
				expectTrue(
					credentialTypes.filter((name) => name === 'Cohere API').length <= 1,
					JSON.stringify(credentialTypes),
				);
			},
		);

		console.log('\nA fresh node of every type');
		const types = (
			JSON.parse(
				(await import('node:fs')).readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
			) as { n8n: { nodes: string[] } }
		).n8n.nodes.map((file) => {
			const base = path.basename(file, '.node.js');
			return `${PACKAGE_NAME}.${base[0].toLowerCase()}${base.slice(1)}`;
		});
		const freshId = await createWorkflow(server.base, cookie, {
			name: 'Fresh nodes',
			nodes: types.map((type, index) => ({
				id: `node${index}`,
				name: type.slice(PACKAGE_NAME.length + 1),
				type,
				typeVersion: 1,
				position: [index * 200, 0],
				parameters: {},
			})),
		});
		for (const [index, type] of types.entries()) {
			const name = type.slice(PACKAGE_NAME.length + 1);
			await page.goto(`${server.base}/workflow/${freshId}/node${index}`, {
				waitUntil: 'networkidle2',
				timeout: 60000,
			});
			await page.waitForSelector('[data-test-id="node-parameters"]', { timeout: 20000 });
			await sleep(800);
			await page.screenshot({ path: path.join(shots, `panel-${name}.png`), fullPage: true });
			const panel = await page.$eval('[data-test-id="node-parameters"]', (element) => ({
				order: [...element.querySelectorAll('[data-test-id^="parameter-input-"]')]
					.map((input) => input.getAttribute('data-test-id')!.slice('parameter-input-'.length))
					.filter((id) => id !== 'field'),
				labels: [
					...element.querySelectorAll('.parameter-item label, .parameter-item .n8n-input-label'),
				]
					.map(
						(label) => (label as unknown as { innerText: string }).innerText.trim().split('\n')[0],
					)
					.filter(Boolean),
				jsonErrors: element.querySelectorAll('.cm-lint-marker-error, .cm-lintRange-error').length,
			}));
			console.log(`    ${name}: ${panel.labels.join(' · ')}`);
			const ours = panel.order.filter((field) => !SETTINGS_FIELDS.has(field));
			const kinds = fieldTypes(name);
			// Collections (Options, Filters) and fixed collections render no parameter-input of their own.
			const expected = packageNode(name).panels[0].fields.filter(
				(field) => !['collection', 'fixedCollection'].includes(kinds[field]),
			);
			await check(`${name}: the fields read in the intended order`, () =>
				expectTrue(
					JSON.stringify(ours) === JSON.stringify(expected),
					`page ${JSON.stringify(ours)}, intended ${JSON.stringify(expected)}`,
				),
			);
			await check(`${name}: a fresh panel shows no error marker (JSON fields included)`, () =>
				expectTrue(panel.jsonErrors === 0, `${panel.jsonErrors} error marker(s)`),
			);
		}

		console.log('\nWith the credential: the model dropdown fills, a node executes');
		const goodCredential = { cohereBearerApi: { id: 'e2eCohereGoodKey', name: 'Cohere emulator' } };
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
		server.child.kill();

		for (const version of N8N_WITHOUT_SDK) await checkOlderEditor(browser, version, tarball, shots);
	} finally {
		await browser.close();
		server.child.kill();
		await emulator.stop();
	}
	console.log(
		`\nscreenshots in ${shots}\n${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s)`,
	);
	process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
