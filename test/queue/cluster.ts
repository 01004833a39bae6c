/* n8n in queue mode: one main process and N workers sharing Postgres and Redis, each with its own n8n user
 * folder and the package installed in it the way the README tells users to install it on every worker. */
import { createRequire } from 'node:module';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

import {
	freePort,
	installPackage,
	n8n,
	n8nDir,
	N8N_VERSION,
	ownerApi,
	spawnN8n,
	startServer,
	stopChild,
} from '../e2e/n8n-runtime';
import type { Services } from './services';

export interface N8nProcess {
	name: string;
	child: Awaited<ReturnType<typeof spawnN8n>>['child'];
	log: () => string;
}

export interface Cluster {
	base: string;
	main: N8nProcess;
	workers: N8nProcess[];
	/** The editor's REST API, logged in as the owner. */
	api: (method: string, route: string, body?: unknown) => Promise<any>;
	stop: () => Promise<void>;
}

export interface ClusterOptions {
	services: Services;
	work: string;
	tarball: string;
	packageVersion: string;
	workers: number;
	concurrency: number;
	credentialsFile: string;
	workflowsDir: string;
	/** Workflows to publish (activate) before the main process starts, so that their webhooks listen. */
	publish: string[];
	version?: string;
}

/** What every process of the cluster shares: queue mode, the same Redis, Postgres and encryption key. */
function queueEnv(services: Services): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: services.redis.host,
		QUEUE_BULL_REDIS_PORT: String(services.redis.port),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: services.postgres.host,
		DB_POSTGRESDB_PORT: String(services.postgres.port),
		DB_POSTGRESDB_USER: services.postgres.user,
		DB_POSTGRESDB_DATABASE: services.postgres.database,
		// n8n's default in queue mode, said explicitly: queue mode cannot keep binary data on one machine's disk.
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		QUEUE_HEALTH_CHECK_ACTIVE: 'false',
		N8N_LOG_LEVEL: 'info',
	};
}

async function waitFor(condition: () => boolean, what: string, log: () => string, seconds = 120) {
	for (let i = 0; i < seconds * 5; i++) {
		if (condition()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${what}:\n${log().slice(-3000)}`);
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
	const version = options.version ?? N8N_VERSION;
	const env = queueEnv(options.services);
	const folder = (name: string) => {
		const userFolder = path.join(options.work, name);
		rmSync(userFolder, { recursive: true, force: true });
		mkdirSync(userFolder, { recursive: true });
		// Every process gets the package in its own user folder, as a worker on another machine would.
		installPackage(options.tarball, userFolder, options.packageVersion);
		return userFolder;
	};
	const mainFolder = folder('main');
	for (const args of [
		['import:credentials', `--input=${options.credentialsFile}`],
		['import:workflow', '--separate', `--input=${options.workflowsDir}`],
		...options.publish.map((id) => ['publish:workflow', `--id=${id}`]),
	]) {
		const result = await n8n(mainFolder, args, version, env);
		if (result.status !== 0)
			throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	}

	const server = await startServer(mainFolder, await freePort(), version, env);
	const main: N8nProcess = { name: 'main', child: server.child, log: server.log };
	const workers: N8nProcess[] = [];
	const stop = async () => {
		await Promise.all([...workers, main].map(async ({ child }) => await stopChild(child)));
	};
	try {
		for (let i = 1; i <= options.workers; i++) {
			const name = `worker-${i}`;
			const started = await spawnN8n(
				folder(name),
				['worker', `--concurrency=${options.concurrency}`],
				version,
				env,
			);
			workers.push({ name, ...started });
		}
		for (const worker of workers)
			await waitFor(
				() => worker.log().includes('n8n worker is now ready'),
				`${worker.name} did not start`,
				worker.log,
			);

		const api = await ownerApi(server.base);
		return { base: server.base, main, workers, api, stop };
	} catch (error) {
		await stop();
		throw error;
	}
}

/** The run data of an execution as the REST API gives it (n8n serialises it with `flatted`). */
export async function executionRunData(cluster: Cluster, id: string, version = N8N_VERSION) {
	const { data } = await cluster.api('GET', `/rest/executions/${id}`);
	const flatted = createRequire(path.join(n8nDir(version), 'node_modules', 'n8n', 'package.json'))(
		'flatted',
	) as { parse: (text: string) => any };
	const parsed = typeof data.data === 'string' ? flatted.parse(data.data) : data.data;
	return {
		status: data.status as string,
		runData: parsed?.resultData?.runData ?? {},
		error: parsed?.resultData?.error,
	};
}

/** Which worker ran which executions, read from the workers' logs ("Worker started execution N"). */
export function executionsByWorker(cluster: Cluster): Record<string, string[]> {
	return Object.fromEntries(
		cluster.workers.map((worker) => [
			worker.name,
			[...worker.log().matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]),
		]),
	);
}
