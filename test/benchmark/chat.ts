/* `npm run benchmark:chat [-- --items 500 --latency 200 --window 60000 --only no,hint,cohere]`: the Cohere
 * Chat node in n8n's engine against the emulator (in its own process) answering each request after a fixed
 * latency. Scenarios: no rate limit (500 items); two hint scenarios (a gateway's 429 with `retry-after-ms`,
 * trial-like 20 per 2 s and production-like 50 per 6 s); and Cohere-like ones on real one-minute windows
 * (--window scales them): a trial key (50 items, 20 a minute, from its headers), a production key whose 429
 * names no number (600 items, 500 a minute), and three executions of 15 items at once on one trial key.
 * Each with Concurrent Requests on Auto (the default) and fixed at 2 and 10. Reports time ÷ the bound of a
 * sender that knows the limit, extra calls (429s ÷ answered), failed items, requests in flight and memory.
 * A measurement, not a test: it prints numbers and exits 0 unless a run itself breaks. */
import { runNode } from '../engine/harness';
import {
	cohereLike,
	HINT_TRIAL,
	peakSampler,
	runScenarios,
	type Scenario,
	TRIAL_KEY,
} from './rate-limits';
import { startRemoteEmulator } from './remote-emulator';
import { listArg, numberArg } from '../args';

async function main() {
	const items = numberArg('items', 500);
	const latencyMs = numberArg('latency', 200);
	const windowMs = numberArg('window', 60_000);
	const emulator = await startRemoteEmulator();
	const perMinute = (perWindow: number) => ({ perWindow, windowMs });
	const scenarios: Scenario[] = [
		{ name: 'no rate limit', work: items, goal: { ratio: 1.15 } },
		{
			name: 'hint, trial-like 20 per 2 s',
			work: items,
			rateLimit: HINT_TRIAL,
			binding: { perWindow: 20, windowMs: 2000 },
			goal: { ratio: 1.1 },
		},
		{
			name: 'hint, production-like 50 per 6 s',
			work: items,
			rateLimit: { limit: 50, windowMs: 6000, exactRetryAfter: true },
			binding: { perWindow: 50, windowMs: 6000 },
			goal: { ratio: 1.1 },
		},
		{
			name: 'cohere trial key, 20 a minute',
			work: 50,
			apiKey: TRIAL_KEY,
			cohereLimits: cohereLike(windowMs),
			binding: perMinute(20),
			goal: { ratio: 1.05, extraCalls: 0.1 },
		},
		{
			name: 'cohere production key, 500 a minute, 429 names no number',
			work: 600,
			cohereLimits: cohereLike(windowMs),
			binding: perMinute(500),
			goal: { ratio: 1.05, extraCalls: 0.1 },
		},
		{
			name: 'cohere trial key, three executions of 15 at once',
			work: 15,
			executions: 3,
			apiKey: TRIAL_KEY,
			cohereLimits: cohereLike(windowMs),
			binding: perMinute(20),
			goal: { ratio: 1.05, extraCalls: 0.1 },
		},
	];
	await runScenarios({
		title: `Cohere Chat, emulator latency ${latencyMs} ms per request, Cohere's minute as ${windowMs / 1000} s`,
		emulator,
		latencyMs,
		scenarios,
		requestWeights: (work) => Array(work).fill(1),
		windowMs,
		only: listArg('only'),
		run: async (work, concurrency, apiKey, tag) => {
			const input = Array.from({ length: work }, (_, i) => ({
				json: { question: `Question ${tag}-${i}: what is item ${i} about?` },
			}));
			const stopSampler = peakSampler();
			const started = process.hrtime.bigint();
			const run = await runNode({
				type: 'cohereChat',
				parameters: {
					api: 'v2',
					model: { __rl: true, mode: 'id', value: 'command-a-03-2025' },
					prompt: '={{ $json.question }}',
					options: concurrency === undefined ? {} : { concurrency },
				},
				credentials: { apiKey, baseUrl: emulator.url },
				items: input,
				continueOnFail: true,
			});
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			const peakRssMb = stopSampler();
			// Every item answered, in its place: anything else counts as failed.
			const failedItems = run.error
				? work
				: input.filter((item, i) => run.items[i]?.json.text !== `Answer to: ${item.json.question}`)
						.length;
			return { seconds, failedItems, peakRssMb, error: run.error?.message };
		},
	});
	emulator.stop();
}

void main();
