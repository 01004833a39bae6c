/* The node creator as a user searches it: every node found by its name and its words, and the AI view filing
 * main nodes apart from sub-nodes (each node's words and place are in its facts, test/nodes/<type>.ts). */
import path from 'node:path';

import { check, expectTrue } from '../checks';
import { builtDescription, PACKAGE_NODES } from '../nodes';
import type { Editor } from './page';
import { createWorkflow, MANUAL_TRIGGER, search, sectionsOf, sleep } from './page';

/** Display name → the node, for every node of the package. */
const byName = new Map(PACKAGE_NODES.map((node) => [builtDescription(node).displayName, node]));
const MAIN_NAMES = [...byName].filter(([, node]) => !node.aiOutput).map(([name]) => name);
/** The nodes the main search finds by "Cohere": the main nodes and the sub-nodes filed with them. */
const TOP_NAMES = [...byName]
	.filter(([, node]) => (node.aiSection !== undefined ? node.aiSection === '(top)' : true))
	.map(([name]) => name);

export async function checkNodeCreator({ page, server, cookie, shots }: Editor) {
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
}
