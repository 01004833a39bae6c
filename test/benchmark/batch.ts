/* `npm run benchmark:batch [-- --items 50000 --chat-items 1000 --latency 200]`: 50,000 prompts through the
 * Cohere Batch node against the Cohere Chat node, under the trial-like limit of benchmark:chat (20 requests
 * per 2 s, 429 with retry-after-ms), the emulator in its own process. Each run is a child process of its
 * own, so that its peak memory is its own. Chat at the trial-like limit is measured on --chat-items and
 * projected to --items by its rate bound (50,000 items at 10 requests a second is 83 minutes); Chat's memory
 * is measured on all --items without a limit. A measurement, not a test: it prints numbers. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

import { runNode } from '../engine/harness';
import { HINT_TRIAL, peakSampler } from './rate-limits';
import { startRemoteEmulator } from './remote-emulator';
import { numberArg, textArg } from '../args';

const TRIAL = { rateLimit: HINT_TRIAL };

interface Outcome {
	seconds: number;
	peakRssMb: number;
	answered: number;
	error?: string;
}

/** One run in this process (the child): the node over `items` prompts, against the emulator at `url`. */
async function child(mode: 'chat' | 'batch', items: number, url: string): Promise<Outcome> {
	const input = Array.from({ length: items }, (_, i) => ({
		json: { question: `Question number ${i}: what is item ${i} about?` },
	}));
	const model = { __rl: true, mode: 'id', value: 'command-a-03-2025' };
	const stopSampler = peakSampler();
	const started = process.hrtime.bigint();
	const run = await runNode({
		type: mode === 'chat' ? 'cohereChat' : 'cohereBatch',
		parameters:
			mode === 'chat'
				? { api: 'v2', model, prompt: '={{ $json.question }}' }
				: {
						operation: 'runChat',
						model,
						prompt: '={{ $json.question }}',
						options: { pollInterval: 0.2, maxWait: 3600 },
					},
		credentials: { apiKey: 'test-key', baseUrl: url },
		items: input,
		continueOnFail: true,
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	const peakRssMb = stopSampler();
	const answered = input.filter(
		(item, i) => run.items[i]?.json.text === `Answer to: ${item.json.question}`,
	).length;
	return { seconds, peakRssMb, answered, error: run.error?.message };
}

async function main() {
	if (process.argv.includes('--child')) {
		const outcome = await child(
			textArg('mode', 'chat') as 'chat' | 'batch',
			numberArg('items', 0),
			textArg('url', ''),
		);
		console.log(`RESULT ${JSON.stringify(outcome)}`);
		return;
	}
	const items = numberArg('items', 50000);
	const chatItems = numberArg('chat-items', 1000);
	const latencyMs = numberArg('latency', 200);
	const emulator = await startRemoteEmulator();
	const measure = async (
		label: string,
		mode: 'chat' | 'batch',
		count: number,
		config: Parameters<typeof emulator.configure>[0],
	) => {
		await emulator.reset();
		await emulator.configure(config);
		const result = spawnSync(
			process.execPath,
			[
				'-r',
				'ts-node/register/transpile-only',
				__filename,
				'--child',
				'--mode',
				mode,
				'--items',
				String(count),
				'--url',
				emulator.url,
			],
			{
				encoding: 'utf8',
				maxBuffer: 1 << 26,
				env: { ...process.env, TS_NODE_PROJECT: path.join(__dirname, '../../tsconfig.test.json') },
			},
		);
		const line = result.stdout.split('\n').find((text) => text.startsWith('RESULT '));
		if (!line) throw new Error(`${label}: no result\n${result.stdout}\n${result.stderr}`);
		const outcome = JSON.parse(line.slice('RESULT '.length)) as Outcome;
		const stats = await emulator.stats();
		console.log(
			`${label} | ${count} | ${outcome.seconds.toFixed(2)} s | ${stats.requests} | ${stats.rateLimited} | ${outcome.peakRssMb.toFixed(0)} MB | ${outcome.answered}${outcome.error ? ` | error: ${outcome.error}` : ''}`,
		);
		return { ...outcome, requests: stats.requests, rateLimited: stats.rateLimited };
	};

	console.log(
		`\nCohere Batch against Cohere Chat: ${items} prompts; trial-like limit ${TRIAL.rateLimit!.limit} requests per ${TRIAL.rateLimit!.windowMs / 1000} s; emulator latency ${latencyMs} ms per request`,
	);
	console.log('run | items | execution | requests | 429s | peak RSS | answered in place');
	console.log('--- | --- | --- | --- | --- | --- | ---');
	const batch = await measure('Batch, trial-like limit', 'batch', items, {
		latencyMs,
		rateLimit: TRIAL.rateLimit,
	});
	const chatTrial = await measure('Chat, trial-like limit', 'chat', chatItems, {
		latencyMs,
		rateLimit: TRIAL.rateLimit,
	});
	const chatAll = await measure('Chat, no limit, 0 ms (memory)', 'chat', items, { latencyMs: 0 });
	emulator.stop();

	// Chat under the limit is bound by the rate: its time grows with the items, one request each.
	const perSecond = TRIAL.rateLimit!.limit / (TRIAL.rateLimit!.windowMs / 1000);
	const chatProjectedSeconds = (chatTrial.seconds / chatItems) * items;
	const chatRequests = items;
	console.log(
		`\nChat at the trial-like limit, projected to ${items} items from ${chatItems} measured: ${chatProjectedSeconds.toFixed(0)} s (rate bound ${(items / perSecond).toFixed(0)} s), at least ${chatRequests} requests`,
	);
	console.log(
		`ratio batch / chat, requests: ${(batch.requests / chatRequests).toFixed(5)} (${batch.requests} / ${chatRequests})`,
	);
	console.log(
		`ratio batch / chat, execution time: ${(batch.seconds / chatProjectedSeconds).toFixed(5)} (${batch.seconds.toFixed(2)} s / ${chatProjectedSeconds.toFixed(0)} s); the emulator runs a batch at once, Cohere within 24 hours`,
	);
	console.log(
		`ratio batch / chat, peak memory at ${items} items: ${(batch.peakRssMb / chatAll.peakRssMb).toFixed(2)} (${batch.peakRssMb.toFixed(0)} MB / ${chatAll.peakRssMb.toFixed(0)} MB)`,
	);
}

void main();
