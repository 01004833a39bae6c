/* `npm run test:ui`: the package in the real n8n editor, driven in headless Chromium (Debian's `chromium`,
 * through puppeteer-core; nothing downloads a browser). It searches the node creator as a user would and
 * opens a fresh node of every type, asserting what a user meets there, and saves a screenshot of each step
 * to a folder it prints. */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import puppeteer, { type Page } from 'puppeteer-core';

import { CohereEmulator } from '../emulator/server';
import {
	ensureRuntime,
	exampleCredentials,
	installPackage,
	n8n,
	packPackage,
	PACKAGE_NAME,
	ROOT,
	startServer,
} from '../e2e/n8n-runtime';

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

/** Display names of our main nodes, and the words a user types to find them (the codex aliases). */
const MAIN_NODES: Record<string, string[]> = {
	'Cohere Chat': ['chat'],
	'Cohere Embed': ['embeddings'],
	'Cohere Rerank': ['rerank'],
	'Cohere Embed Jobs': ['dataset', 'batch'],
	'Cohere Classify': ['classify'],
	'Cohere Summarize': ['summarize'],
	'Cohere Tokenize': ['tokens'],
	'Cohere List Models': ['models'],
	'Cohere Raw HTTP': ['http'],
};

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

async function search(page: Page, words: string): Promise<string[]> {
	const input = await page.waitForSelector('input[placeholder*="Search"]', { timeout: 15000 });
	await input!.click();
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

async function main() {
	const started = Date.now();
	expectTrue(
		existsSync(CHROMIUM),
		`${CHROMIUM} not found: install Debian's chromium (apt-get install chromium)`,
	);
	ensureRuntime();
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-cohere-ui-'));
	const shots = path.join(work, 'screenshots');
	mkdirSync(shots);
	const userFolder = path.join(work, 'user');
	const emulator = new CohereEmulator();
	const emulatorUrl = await emulator.start();
	const { tarball } = packPackage(work);
	installPackage(
		tarball,
		userFolder,
		(
			JSON.parse(
				(await import('node:fs')).readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
			) as {
				version: string;
			}
		).version,
	);
	writeFileSync(
		path.join(work, 'credentials.json'),
		JSON.stringify(exampleCredentials(emulatorUrl)),
	);
	await n8n(userFolder, ['import:credentials', `--input=${path.join(work, 'credentials.json')}`]);
	const server = await startServer(userFolder, 5700 + Math.floor(Math.random() * 200));
	const setup = await fetch(`${server.base}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			email: 'ui@example.com',
			firstName: 'UI',
			lastName: 'Test',
			password: 'Ui-password-1',
		}),
	});
	const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
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
		await check('"Cohere" finds every main node and the Cohere Command Chat Model', () => {
			for (const name of [...Object.keys(MAIN_NODES), 'Cohere Command Chat Model'])
				expectTrue(all.includes(name), `${name} not among ${JSON.stringify(all)}`);
		});
		for (const [name, words] of Object.entries(MAIN_NODES)) {
			for (const word of [name, ...words]) {
				const found = await search(page, word);
				await check(`"${word}" finds ${name}`, () =>
					expectTrue(found.includes(name), `found ${JSON.stringify(found)}`),
				);
			}
		}

		console.log('\nA fresh node of every type');
		const types = (
			JSON.parse(
				(await import('node:fs')).readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
			) as { n8n: { nodes: string[] } }
		).n8n.nodes.map((file) => {
			const base = path.basename(file, '.node.js');
			return `${PACKAGE_NAME}.${base[0].toLowerCase()}${base.slice(1)}`;
		});
		const created = (await (
			await fetch(`${server.base}/rest/workflows`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie },
				body: JSON.stringify({
					name: 'Fresh nodes',
					nodes: types.map((type, index) => ({
						id: `node${index}`,
						name: type.slice(PACKAGE_NAME.length + 1),
						type,
						typeVersion: 1,
						position: [index * 200, 0],
						parameters: {},
					})),
					connections: {},
					settings: {},
				}),
			})
		).json()) as { data: { id: string } };
		for (const [index, type] of types.entries()) {
			const name = type.slice(PACKAGE_NAME.length + 1);
			await page.goto(`${server.base}/workflow/${created.data.id}/node${index}`, {
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
				jsonErrors: element.querySelectorAll('.cm-lint-marker-error, .cm-lintRange-error').length,
			}));
			console.log(`    ${name}: ${panel.order.join(', ')}`);
			await check(`${name}: a fresh panel shows no error marker (JSON fields included)`, () =>
				expectTrue(panel.jsonErrors === 0, `${panel.jsonErrors} error marker(s)`),
			);
		}
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
