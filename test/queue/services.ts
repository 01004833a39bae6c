/* Postgres and Redis for the queue-mode suite: Debian's packages (installed when missing and this run is
 * root, as in CI), run as unprivileged processes on free ports in a temporary folder, and gone when the
 * suite ends. As root they run as the `postgres` user Debian's package creates (Postgres refuses root). */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { freePort, run, stopChild } from '../e2e/n8n-runtime';

export interface Services {
	postgres: { host: string; port: number; user: string; database: string };
	redis: { host: string; port: number };
	/** What the processes printed, for a failure report. */
	log: () => string;
	stop: () => Promise<void>;
}

/** The newest Postgres server Debian installed (its binaries are not on PATH), or undefined. */
function postgresBin(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return undefined;
	const versions = readdirSync(root)
		.filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

const redisBin = () => ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find(existsSync);

/** Debian's `postgresql` and `redis-server`, when either is missing. */
export function ensureInstalled() {
	if (postgresBin() && redisBin()) return;
	const isRoot = process.getuid?.() === 0;
	if (!isRoot)
		throw new Error(
			'Postgres or Redis is missing: install Debian\'s "postgresql" and "redis-server" (apt-get install postgresql redis-server), or run this as root to have it done',
		);
	console.log("Installing Debian's postgresql and redis-server (once per machine)");
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	run('apt-get', ['update', '-q'], { env });
	run('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql', 'redis-server'], {
		env,
	});
}

/** The user the services run as: ourselves, or `postgres` when this run is root. */
function serviceUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const id = (flag: string) => Number(run('id', [flag, 'postgres']).trim());
	return { uid: id('-u'), gid: id('-g') };
}

function chownTree(target: string, user: { uid: number; gid: number }) {
	chownSync(target, user.uid, user.gid);
	if (statSync(target).isDirectory())
		for (const entry of readdirSync(target)) chownTree(path.join(target, entry), user);
}

/** Waits until a server says it is ready in its log (a port that accepts may still be starting up). */
async function waitForLog(ready: RegExp, what: string, log: () => string) {
	for (let i = 0; i < 300; i++) {
		if (ready.test(log())) return;
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	throw new Error(`${what} did not start:\n${log().slice(-2000)}`);
}

export async function startServices(): Promise<Services> {
	ensureInstalled();
	const pgBin = postgresBin()!;
	const user = serviceUser();
	const folder = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-'));
	if (user) chownTree(folder, user);
	const spawnOptions = { ...(user ?? {}), cwd: folder };
	const logs: Record<string, string> = { postgres: '', redis: '' };
	const collect = (name: string, child: ChildProcess) => {
		child.stdout?.on('data', (chunk) => (logs[name] += String(chunk)));
		child.stderr?.on('data', (chunk) => (logs[name] += String(chunk)));
	};
	const log = () =>
		Object.entries(logs)
			.map(([name, text]) => `[${name}]\n${text}`)
			.join('\n');

	const dataDir = path.join(folder, 'postgres');
	const initdb = spawnSync(
		path.join(pgBin, 'initdb'),
		['-D', dataDir, '-U', 'n8n', '-A', 'trust', '-E', 'UTF8', '--no-sync'],
		{ ...spawnOptions, encoding: 'utf8' },
	);
	if (initdb.status !== 0) throw new Error(`initdb failed:\n${initdb.stdout}\n${initdb.stderr}`);
	const pgPort = await freePort();
	const postgres = spawn(
		path.join(pgBin, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(pgPort),
			'-k',
			folder,
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			'max_connections=200',
			// A test database: durability buys nothing here.
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
		],
		{ ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	collect('postgres', postgres);

	const redisPort = await freePort();
	const redis = spawn(
		redisBin()!,
		[
			'--port',
			String(redisPort),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			folder,
		],
		{ ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	collect('redis', redis);

	const children = [postgres, redis];
	const stop = async () => {
		await Promise.all(children.map(async (child) => await stopChild(child, 10_000)));
		rmSync(folder, { recursive: true, force: true });
	};
	try {
		await waitForLog(/ready to accept connections/, 'Postgres', () => logs.postgres);
		await waitForLog(/Ready to accept connections/, 'Redis', () => logs.redis);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		postgres: { host: '127.0.0.1', port: pgPort, user: 'n8n', database: 'postgres' },
		redis: { host: '127.0.0.1', port: redisPort },
		log,
		stop,
	};
}
