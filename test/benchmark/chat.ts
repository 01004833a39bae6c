/* `npm run benchmark:chat [-- --items 500 --concurrency 10 --latency 200]`: the Cohere Chat node in n8n's
 * engine against the emulator with a fixed latency per request. Reports the wall time as a ratio to the
 * bound ceil(items / concurrency) × latency, the same run with concurrency 1, and the memory peak.
 * A measurement, not a test: it prints numbers and always exits 0 unless the run itself fails. */
import type { RemoteEmulator } from './remote-emulator';
import { startRemoteEmulator } from './remote-emulator';
import { runNode } from '../harness';

function arg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

async function measure(
	emulator: RemoteEmulator,
	items: number,
	concurrency: number,
	latencyMs: number,
) {
	await emulator.reset();
	await emulator.configure({ latencyMs });
	let peakRss = process.memoryUsage().rss;
	const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
	const input = Array.from({ length: items }, (_, i) => ({
		json: { question: `Question number ${i}: what is item ${i} about?` },
	}));
	const started = process.hrtime.bigint();
	const run = await runNode({
		type: 'cohereChat',
		parameters: {
			api: 'v2',
			model: { __rl: true, mode: 'id', value: 'command-a-03-2025' },
			prompt: '={{ $json.question }}',
			options: { concurrency },
		},
		credentials: { apiKey: 'test-key', baseUrl: emulator.url },
		items: input,
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	clearInterval(sampler);
	if (run.error) throw run.error;
	const inOrder = run.items.every(
		(item, i) => item.json.text === `Answer to: ${input[i].json.question}`,
	);
	const bound = Math.ceil(items / concurrency) * (latencyMs / 1000);
	const stats = await emulator.stats();
	return {
		concurrency,
		items: run.items.length,
		inOrder,
		seconds,
		bound,
		ratio: seconds / bound,
		peakRssMb: peakRss / 1024 / 1024,
		maxInFlight: stats.maxInFlight,
		requests: stats.requests,
	};
}

async function main() {
	const items = arg('items', 500);
	const concurrency = arg('concurrency', 10);
	const latencyMs = arg('latency', 200);
	const emulator = await startRemoteEmulator();
	const results = [await measure(emulator, items, concurrency, latencyMs)];
	if (concurrency !== 1 && !process.argv.includes('--skip-serial'))
		results.push(await measure(emulator, items, 1, latencyMs));
	emulator.stop();
	console.log(`Cohere Chat, ${items} items, emulator latency ${latencyMs} ms per request`);
	for (const r of results) {
		console.log(
			`concurrency ${String(r.concurrency).padStart(3)}: ${r.seconds.toFixed(2)} s, bound ${r.bound.toFixed(2)} s, ratio ${r.ratio.toFixed(3)}, ` +
				`items ${r.items} (in order: ${r.inOrder}), requests ${r.requests}, max in flight ${r.maxInFlight}, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
		);
	}
}

void main();
