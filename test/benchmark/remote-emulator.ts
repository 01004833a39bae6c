/* The emulator in a child process, for benchmarks: on a real deployment Cohere's work happens elsewhere,
 * so the emulator's JSON and hashing must not share the event loop of the n8n engine being measured. */
import { spawn } from 'node:child_process';

import path from 'node:path';

import type { CohereLimits } from '../emulator/rate-limits';
import type { RateLimit } from '../emulator/server';

export interface RemoteEmulator {
	url: string;
	configure(config: {
		latencyMs?: number;
		rateLimit?: RateLimit;
		cohereLimits?: CohereLimits;
		/** More keys the emulator takes, besides test-key. */
		apiKeys?: string[];
	}): Promise<void>;
	reset(): Promise<void>;
	stats(): Promise<EmulatorStats>;
	stop(): void;
}

export interface EmulatorStats {
	requests: number;
	maxInFlight: number;
	/** TCP connections the client opened. */
	connections: number;
	/** 429s the rate limit sent. */
	rateLimited: number;
	firstRequestAt?: number;
	lastAnswerAt?: number;
}

export async function startRemoteEmulator(): Promise<RemoteEmulator> {
	const port = 20000 + Math.floor(Math.random() * 20000);
	const child = spawn(
		process.execPath,
		[
			'-r',
			'ts-node/register/transpile-only',
			path.join(__dirname, '../emulator/server.ts'),
			String(port),
		],
		{
			stdio: ['ignore', 'pipe', 'inherit'],
			env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '../../tsconfig.test.json') },
		},
	);
	await new Promise<void>((resolve, reject) => {
		child.stdout.on('data', (chunk) => String(chunk).includes('Cohere emulator on') && resolve());
		child.on('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
	});
	const url = `http://127.0.0.1:${port}`;
	const once = async (name: string, body?: unknown) =>
		(await (
			await fetch(`${url}/__emulator/${name}`, { method: 'POST', body: JSON.stringify(body ?? {}) })
		).json()) as EmulatorStats;
	// A kept-alive connection idle through a long run may be closed by the server as it is reused: once more.
	const call = async (name: string, body?: unknown) =>
		await once(name, body).catch(async () => await once(name, body));
	return {
		url,
		configure: async (config) => void (await call('config', config)),
		reset: async () => void (await call('reset')),
		stats: async () => await call('stats'),
		stop: () => child.kill(),
	};
}
