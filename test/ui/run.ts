/* `npm run test:ui`: the package in the real n8n editor, driven in headless Chromium. It searches the node
 * creator as a user would and opens a fresh node of every type, asserting what a user meets there, and saves
 * a screenshot of each step to a folder it prints. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { runSuite } from '../checks';
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
	startServer,
} from '../e2e/n8n-runtime';
import { checkNodeCreator } from './nodeCreator';
import { checkOlderEditor, N8N_WITHOUT_SDK, packageVersion } from './olderEditor';
import { ensureChromium, launchBrowser, loggedInPage } from './page';
import { checkCredentialTypes, checkFreshPanels } from './panels';
import { checkWorkingNodes } from './working';

async function main(): Promise<string> {
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
	const browser = await launchBrowser();
	try {
		const page = await loggedInPage(browser, server.base, cookie);
		const editor = { page, server, cookie, shots };
		await checkNodeCreator(editor);
		await checkCredentialTypes(editor);
		await checkFreshPanels(editor);
		await checkWorkingNodes(editor, emulator);
		server.child.kill();
		for (const version of N8N_WITHOUT_SDK) await checkOlderEditor(browser, version, tarball, shots);
	} finally {
		await browser.close();
		server.child.kill();
		await emulator.stop();
	}
	return `n8n ${N8N_VERSION} and ${N8N_WITHOUT_SDK.join(', ')}; screenshots in ${shots}`;
}

if (require.main === module) runSuite(main);
