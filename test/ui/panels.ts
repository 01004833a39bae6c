/* What a user meets first: "Add new credential" listing ours, and a fresh panel of every node with its fields
 * in the intended order (each node's panels are in its facts, test/nodes/<type>.ts) and no error marker. */
import path from 'node:path';

import { check, expectTrue } from '../checks';
import { builtDescription, PACKAGE_NAME, PACKAGE_NODES, packageNode } from '../nodes';
import type { Editor } from './page';
import { createWorkflow, sleep } from './page';

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

export async function checkCredentialTypes({ page, server, shots }: Editor) {
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
}

export async function checkFreshPanels({ page, server, cookie, shots }: Editor) {
	console.log('\nA fresh node of every type');
	const types = PACKAGE_NODES.map((node) => `${PACKAGE_NAME}.${node.type}`);
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
				.map((label) => (label as unknown as { innerText: string }).innerText.trim().split('\n')[0])
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
}
