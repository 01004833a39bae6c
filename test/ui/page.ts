/* The n8n editor in headless Chromium (Debian's `chromium`, through puppeteer-core; nothing downloads a
 * browser): starting it, searching the node creator, opening dropdowns, creating workflows over REST. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

import puppeteer, { type Browser, type Page } from 'puppeteer-core';

import { expectTrue } from '../checks';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The editor a check drives: a logged-in page of the n8n server, and where screenshots go. */
export interface Editor {
	page: Page;
	server: { base: string };
	cookie: string;
	shots: string;
}

export const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export async function search(page: Page, words: string): Promise<string[]> {
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

/** Opens a node's panel and the list of one of its resource locators; returns the entries it shows. */
export async function openDropdown(
	page: Page,
	nodeUrl: string,
	parameter: string,
): Promise<string[]> {
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
export const MANUAL_TRIGGER = {
	id: 'trigger',
	name: 'When clicking',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Creates a workflow through the editor's REST API (as the logged-in owner) and returns its ID. */
export async function createWorkflow(
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
export function sectionsOf(text: string, names: string[]): Record<string, string> {
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
export function ensureChromium() {
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

/** Chromium as the suites start it: headless, without sandbox, GPU or background traffic. */
export async function launchBrowser(): Promise<Browser> {
	return await puppeteer.launch({
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
}

/** A new page, logged in with the owner's session cookie. */
export async function loggedInPage(browser: Browser, base: string, cookie: string): Promise<Page> {
	const page = await browser.newPage();
	await page.setViewport({ width: 1400, height: 1000 });
	const [cookieName, cookieValue] = cookie.split('=');
	await page.setCookie({ name: cookieName, value: cookieValue, url: base });
	return page;
}
