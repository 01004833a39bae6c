/* `npm run demo:n8n`: the real n8n editor on http://127.0.0.1:5678 with this package installed, the
 * example workflows imported and a "Cohere emulator" credential pointing at the local emulator
 * (or at the real Cohere API when COHERE_API_KEY is set). Ctrl+C stops everything. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CohereEmulator } from '../emulator/server';
import {
	ensureRuntime,
	exampleCredentials,
	installPackage,
	n8n,
	packPackage,
	ROOT,
	startServer,
	WORKFLOWS_DIR,
} from './n8n-runtime';

async function main() {
	await ensureRuntime();
	const userFolder = path.join(os.homedir(), '.cache', 'n8n-nodes-cohere', 'editor-user');
	mkdirSync(userFolder, { recursive: true });
	const version = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
		.version as string;
	const { tarball } = packPackage(os.tmpdir());
	installPackage(tarball, userFolder, version);

	const realKey = process.env.COHERE_API_KEY;
	const emulator = realKey ? undefined : new CohereEmulator();
	const baseUrl = emulator
		? await emulator.start(8787)
		: (process.env.COHERE_BASE_URL ?? 'https://api.cohere.com');
	const credentialsFile = path.join(userFolder, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(exampleCredentials(baseUrl, realKey)));
	await n8n(userFolder, ['import:credentials', `--input=${credentialsFile}`]);
	await n8n(userFolder, ['import:workflow', '--separate', `--input=${WORKFLOWS_DIR}`]);

	const server = await startServer(userFolder, Number(process.env.N8N_PORT ?? 5678));
	console.log(`n8n editor: ${server.base}  (create the owner account on first visit)`);
	console.log(`Cohere API: ${baseUrl}${emulator ? ' (local emulator, key test-key)' : ''}`);
	console.log(
		'Workflows: "Cohere: List Models and Raw HTTP" and the wrong-key examples. Ctrl+C to stop.',
	);
	const stop = async () => {
		server.child.kill();
		await emulator?.stop();
		process.exit(0);
	};
	process.on('SIGINT', () => void stop());
	process.on('SIGTERM', () => void stop());
	server.child.on('exit', () => void stop());
}

void main();
