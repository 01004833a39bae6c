/* `npm run benchmark:chat [-- --items 500 --latency 200 --only no,trial,production]`: the Cohere Chat node
 * in n8n's engine against the emulator (in its own process) answering each request after a fixed latency.
 * Three scenarios (no rate limit, a trial-like and a production-like limit with 429s), each with Concurrent
 * Requests on Auto (the default) and fixed at 2 and 10. Reports the execution time as a ratio to the
 * scenario's bound, failed items, 429s received, requests in flight, TCP connections and the memory peak.
 * A measurement, not a test: it prints numbers and exits 0 unless a run itself breaks. */
import { runNode } from '../engine/harness';
import { peakSampler, runScenarios } from './rate-limits';
import { startRemoteEmulator } from './remote-emulator';

function arg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}
const only = (() => {
	const index = process.argv.indexOf('--only');
	return index > 0 ? process.argv[index + 1].split(',') : undefined;
})();

async function main() {
	const items = arg('items', 500);
	const latencyMs = arg('latency', 200);
	const emulator = await startRemoteEmulator();
	const input = Array.from({ length: items }, (_, i) => ({
		json: { question: `Question number ${i}: what is item ${i} about?` },
	}));
	await runScenarios(
		`Cohere Chat, ${items} items, emulator latency ${latencyMs} ms per request`,
		emulator,
		latencyMs,
		items,
		async (concurrency) => {
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
				credentials: { apiKey: 'test-key', baseUrl: emulator.url },
				items: input,
				continueOnFail: true,
			});
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			const peakRssMb = stopSampler();
			// Every item answered, in its place: anything else counts as failed.
			const failedItems = run.error
				? items
				: input.filter((item, i) => run.items[i]?.json.text !== `Answer to: ${item.json.question}`)
						.length;
			return { seconds, failedItems, peakRssMb, error: run.error?.message };
		},
		only,
	);
	emulator.stop();
}

void main();
