/* `npm run benchmark:embed [-- --texts 10000 --latency 100 --per-item 1000 --only no,trial,production]`:
 * Cohere Embed on 10,000 texts (96 per request) in n8n's engine against the emulator (in its own process)
 * answering each request after a fixed latency. Three scenarios (no rate limit, a trial-like and a
 * production-like limit with 429s), each with Concurrent Requests on Auto (the default) and fixed at 2 and
 * 10, reported as in benchmark:chat. Then, for comparison, texts sent one request per item through the Raw
 * HTTP node, one at a time, as a generic HTTP Request node would (a sample of --per-item texts,
 * extrapolated; 0 skips it). A measurement, not a test. */
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
	const texts = arg('texts', 10000);
	const latencyMs = arg('latency', 100);
	const perItem = arg('per-item', 1000);
	const emulator = await startRemoteEmulator();
	const credentials = { apiKey: 'test-key', baseUrl: emulator.url };
	const items = Array.from({ length: texts }, (_, i) => ({
		json: { id: i, text: `Row ${i}: a customer note about order ${i * 7} and its delivery.` },
	}));
	const requests = Math.ceil(texts / 96);
	let packedSeconds = 0;

	await runScenarios(
		`Cohere Embed, ${texts} texts (${requests} requests of at most 96), emulator latency ${latencyMs} ms per request`,
		emulator,
		latencyMs,
		requests,
		async (concurrency) => {
			const stopSampler = peakSampler();
			const started = process.hrtime.bigint();
			const run = await runNode({
				type: 'cohereEmbed',
				parameters: {
					api: 'cohere',
					model: { __rl: true, mode: 'id', value: 'embed-v4.0' },
					options: {
						outputDimension: '256',
						...(concurrency === undefined ? {} : { concurrency }),
					},
				},
				credentials,
				items,
				continueOnFail: true,
			});
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			if (concurrency === undefined && packedSeconds === 0) packedSeconds = seconds;
			const peakRssMb = stopSampler();
			const failedItems = run.error
				? texts
				: items.filter(
						(item, i) =>
							run.items[i]?.json.id !== item.json.id ||
							!Array.isArray(run.items[i]?.json.embedding),
					).length;
			return { seconds, failedItems, peakRssMb, error: run.error?.message };
		},
		only,
	);

	if (perItem > 0) {
		await emulator.reset();
		await emulator.configure({ latencyMs });
		const stopSampler = peakSampler();
		const started = process.hrtime.bigint();
		const single = await runNode({
			type: 'cohereHttpRequest',
			parameters: {
				method: 'POST',
				url: '/v2/embed',
				jsonBody:
					'={{ JSON.stringify({ model: "embed-v4.0", input_type: "search_document", embedding_types: ["float"], output_dimension: 256, texts: [$json.text] }) }}',
				options: { concurrency: 1 },
			},
			credentials,
			items: items.slice(0, perItem),
		});
		const singleSeconds = Number(process.hrtime.bigint() - started) / 1e9;
		const singlePeak = stopSampler();
		if (single.error) throw single.error;
		const extrapolated = (singleSeconds * texts) / perItem;
		console.log(
			`\none request per item (Raw HTTP, one at a time, like a generic HTTP node): ${perItem} texts in ${singleSeconds.toFixed(2)} s, ` +
				`${texts} texts ≈ ${extrapolated.toFixed(0)} s extrapolated, ${texts} requests; peak RSS ${singlePeak.toFixed(0)} MB`,
		);
		if (packedSeconds > 0)
			console.log(`speed-up of packing with Auto: ${(extrapolated / packedSeconds).toFixed(0)}×`);
	}
	emulator.stop();
}

void main();
