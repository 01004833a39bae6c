/* `npm run benchmark:embed [-- --texts 10000 --latency 100 --per-item 1000 --window 60000 --only no,hint,cohere]`:
 * Cohere Embed in n8n's engine against the emulator (in its own process) answering each request after a
 * fixed latency. Scenarios: 10,000 texts (96 per request) without a limit and under a gateway's trial-like
 * limit with `retry-after-ms`; 4,000 texts under Cohere's own 2,000 inputs a minute, whose 429 names no
 * number, on a real minute (--window scales it). Each with Concurrent Requests on Auto (the default) and
 * fixed at 2 and 10, reported as in benchmark:chat. Then, for comparison, texts sent one request per item through the Raw
 * HTTP node, one at a time, as a generic HTTP Request node would (a sample of --per-item texts,
 * extrapolated; 0 skips it). A measurement, not a test. */
import { runNode } from '../engine/harness';
import { cohereLike, HINT_TRIAL, peakSampler, runScenarios, type Scenario } from './rate-limits';
import { startRemoteEmulator } from './remote-emulator';
import { listArg, numberArg } from '../args';

/** 96 texts a request, the last one the rest. */
const requestWeights = (texts: number) =>
	Array.from({ length: Math.ceil(texts / 96) }, (_, i) => Math.min(96, texts - i * 96));

async function main() {
	const texts = numberArg('texts', 10000);
	const latencyMs = numberArg('latency', 100);
	const perItem = numberArg('per-item', 1000);
	const windowMs = numberArg('window', 60_000);
	const emulator = await startRemoteEmulator();
	const credentials = { apiKey: 'test-key', baseUrl: emulator.url };
	const rows = (count: number, tag: string) =>
		Array.from({ length: count }, (_, i) => ({
			json: {
				id: `${tag}-${i}`,
				text: `Row ${i}: a customer note about order ${i * 7} and its delivery.`,
			},
		}));
	let packedSeconds = 0;
	const scenarios: Scenario[] = [
		{ name: 'no rate limit', work: texts, goal: { ratio: 1.15 } },
		{
			name: 'hint, trial-like 20 requests per 2 s',
			work: texts,
			rateLimit: HINT_TRIAL,
			binding: { perWindow: 20 * 96, windowMs: 2000 },
			goal: { ratio: 1.1 },
		},
		{
			name: 'cohere embed, 2,000 inputs a minute, 429 names no number',
			work: 4000,
			cohereLimits: cohereLike(windowMs),
			binding: { perWindow: 2000, windowMs },
			goal: { ratio: 1.05, extraCalls: 0.1 },
		},
	];

	await runScenarios({
		title: `Cohere Embed (96 texts a request), emulator latency ${latencyMs} ms per request, Cohere's minute as ${windowMs / 1000} s`,
		emulator,
		latencyMs,
		scenarios,
		requestWeights,
		windowMs,
		only: listArg('only'),
		run: async (work, concurrency, apiKey, tag) => {
			const items = rows(work, tag);
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
				credentials: { apiKey, baseUrl: emulator.url },
				items,
				continueOnFail: true,
			});
			const seconds = Number(process.hrtime.bigint() - started) / 1e9;
			if (concurrency === undefined && work === texts && packedSeconds === 0)
				packedSeconds = seconds;
			const peakRssMb = stopSampler();
			const failedItems = run.error
				? work
				: items.filter(
						(item, i) =>
							run.items[i]?.json.id !== item.json.id ||
							!Array.isArray(run.items[i]?.json.embedding),
					).length;
			return { seconds, failedItems, peakRssMb, error: run.error?.message };
		},
	});
	const items = rows(texts, 'single');

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
