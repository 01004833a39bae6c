/* The package in an older n8n's editor, one without the AI node SDK. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Browser } from 'puppeteer-core';

import { check, expectTrue } from '../checks';
import { freePort, installPackage, ownerSession, ROOT, startServer } from '../e2e/n8n-runtime';
import { PACKAGE_NAME } from '../nodes';
import { createWorkflow, loggedInPage, sleep } from './page';

/** Older n8n versions without `@n8n/ai-node-sdk` (see test/e2e/compat.ts), as their editors show our package. */
/** The package's version, as the installed tarball has it. */
export function packageVersion(): string {
	return (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string })
		.version;
}

export const N8N_WITHOUT_SDK = ['1.123.81', '2.15.1'];

/**
 * The package in an older n8n's editor: a fresh Cohere Command Chat Model panel opens with the notice that
 * it needs n8n 2.16 or newer, and a fresh Cohere Embeddings panel (which needs no SDK) without it.
 */
export async function checkOlderEditor(
	browser: Browser,
	version: string,
	tarball: string,
	shots: string,
) {
	console.log(`
n8n ${version}, without the AI node SDK: the chat model panel says what it needs`);
	const userFolder = path.join(path.dirname(shots), `user-${version}`);
	installPackage(tarball, userFolder, packageVersion());
	const server = await startServer(userFolder, await freePort(), version);
	try {
		const cookie = await ownerSession(server.base);
		const page = await loggedInPage(browser, server.base, cookie);
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
