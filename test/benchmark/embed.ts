/* `npm run benchmark:embed [-- --texts 10000 --concurrency 4 --latency 100 --per-item 1000]`: Cohere Embed on
 * 10,000 texts in n8n's engine against the emulator answering each request after a fixed latency. Reports
 * the request count (ceil(texts / 96)), the wall time as a ratio to ceil(requests / concurrency) × latency,
 * and the memory peak; then, for comparison, texts sent one request per item through the Raw HTTP node, as a
 * generic HTTP Request node would (a sample of --per-item texts, extrapolated to all of them). */
import { startRemoteEmulator } from './remote-emulator';
import { runNode } from '../harness';

function arg(name: string, fallback: number): number {
	const index = process.argv.indexOf(`--${name}`);
	return index > 0 ? Number(process.argv[index + 1]) : fallback;
}

function peakSampler() {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	return () => {
		clearInterval(timer);
		return peak / 1024 / 1024;
	};
}

async function main() {
	const texts = arg('texts', 10000);
	const concurrency = arg('concurrency', 4);
	const latencyMs = arg('latency', 100);
	const perItem = arg('per-item', 1000);
	const emulator = await startRemoteEmulator();
	const baseUrl = emulator.url;
	const credentials = { apiKey: 'test-key', baseUrl };
	const items = Array.from({ length: texts }, (_, i) => ({
		json: { id: i, text: `Row ${i}: a customer note about order ${i * 7} and its delivery.` },
	}));

	await emulator.configure({ latencyMs });
	const stopPacked = peakSampler();
	let started = process.hrtime.bigint();
	const packed = await runNode({
		type: 'cohereEmbed',
		parameters: {
			api: 'cohere',
			model: { __rl: true, mode: 'id', value: 'embed-v4.0' },
			options: { concurrency, outputDimension: '256' },
		},
		credentials,
		items,
	});
	const packedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const packedPeak = stopPacked();
	if (packed.error) throw packed.error;
	const { requests } = await emulator.stats();
	const complete = packed.items.every(
		(item, i) => item.json.id === i && Array.isArray(item.json.embedding),
	);
	const bound = Math.ceil(requests / concurrency) * (latencyMs / 1000);

	await emulator.reset();
	await emulator.configure({ latencyMs });
	const stopPerItem = peakSampler();
	started = process.hrtime.bigint();
	const single = await runNode({
		type: 'cohereHttpRequest',
		parameters: {
			method: 'POST',
			url: '/v2/embed',
			jsonBody:
				'={{ JSON.stringify({ model: "embed-v4.0", input_type: "search_document", embedding_types: ["float"], output_dimension: 256, texts: [$json.text] }) }}',
		},
		credentials,
		items: items.slice(0, perItem),
	});
	const singleSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const singlePeak = stopPerItem();
	if (single.error) throw single.error;
	emulator.stop();

	console.log(`Cohere Embed, ${texts} texts, emulator latency ${latencyMs} ms per request`);
	console.log(
		`packed (96 per request), concurrency ${concurrency}: ${requests} requests (expected ${Math.ceil(texts / 96)}), ${packedSeconds.toFixed(2)} s, ` +
			`bound ${bound.toFixed(2)} s, ratio ${(packedSeconds / bound).toFixed(3)}, all ${texts} items back in order: ${complete}, peak RSS ${packedPeak.toFixed(0)} MB`,
	);
	console.log(
		`one request per item (Raw HTTP, sequential like a generic HTTP node): ${perItem} texts in ${singleSeconds.toFixed(2)} s, ` +
			`${texts} texts ≈ ${((singleSeconds * texts) / perItem).toFixed(0)} s extrapolated, ${texts} requests; peak RSS ${singlePeak.toFixed(0)} MB`,
	);
	console.log(
		`speed-up of packing: ${((singleSeconds * texts) / perItem / packedSeconds).toFixed(0)}×`,
	);
}

void main();
