/* The rate-limit scenarios the chat and embed benchmarks run (issue 13): each with Auto (the default) and
 * with a fixed 2 and 10, against the emulator in its own process. A measurement, not a test. */
import type { RateLimit } from '../emulator/server';
import type { EmulatorStats, RemoteEmulator } from './remote-emulator';

/** What Auto allows in flight at most (nodes/shared/transport/limiter.ts). */
const AUTO_CAP = 32;

export interface Scenario {
	name: string;
	rateLimit?: RateLimit;
	/** The goal, as a ratio of the execution time to the scenario's bound. */
	goal: number;
}

export const SCENARIOS: Scenario[] = [
	{ name: 'no rate limit', goal: 1.15 },
	{
		name: 'trial-like, 20 requests per 2 s, 429 with retry-after-ms',
		rateLimit: { limit: 20, windowMs: 2000, exactRetryAfter: true },
		goal: 1.1,
	},
	{
		// A production key's 500 chat calls a minute, in 6-second windows of 50: a run of 500 requests meets
		// the limit nine times over (a window of 500 admitted every request at once and measured nothing).
		name: 'production-like, 50 requests per 6 s (500 a minute), 429 with retry-after-ms',
		rateLimit: { limit: 50, windowMs: 6000, exactRetryAfter: true },
		goal: 1.1,
	},
];

export const SETTINGS: Array<{ label: string; concurrency?: number }> = [
	{ label: 'Auto (default)' },
	{ label: 'fixed 2', concurrency: 2 },
	{ label: 'fixed 10', concurrency: 10 },
];

export interface RunOutcome {
	seconds: number;
	/** Items that came back as error items, or all of them when the run failed. */
	failedItems: number;
	peakRssMb: number;
	error?: string;
}

/** The bound a run is held to: latency × rounds without a limit, requests / rate with one. */
export function boundSeconds(
	scenario: Scenario,
	requests: number,
	latencyMs: number,
	concurrency = AUTO_CAP,
): number {
	if (!scenario.rateLimit) return (latencyMs / 1000) * Math.ceil(requests / concurrency);
	const perSecond = scenario.rateLimit.limit / (scenario.rateLimit.windowMs / 1000);
	return requests / perSecond;
}

export function peakSampler() {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	return () => {
		clearInterval(timer);
		return peak / 1024 / 1024;
	};
}

/** Runs every scenario with every setting and prints one table. */
export async function runScenarios(
	title: string,
	emulator: RemoteEmulator,
	latencyMs: number,
	/** Requests a complete run needs (the bound counts these, not the 429s). */
	requests: number,
	run: (concurrency: number | undefined) => Promise<RunOutcome>,
	only?: string[],
) {
	// One run first, unmeasured: the first run of a process pays for loading and compiling n8n's code, as
	// a running n8n instance does not.
	await emulator.reset();
	await emulator.configure({ latencyMs: 0 });
	await run(undefined);
	// The same at 0 ms once more, measured: what the emulator itself needs to answer every request (its
	// work runs on one thread), a floor below which no setting can go on this machine.
	await emulator.reset();
	await emulator.configure({ latencyMs: 0 });
	const floor = await run(undefined);
	const floorStats = await emulator.stats();
	const floorBusy = ((floorStats.lastAnswerAt ?? 0) - (floorStats.firstRequestAt ?? 0)) / 1000;
	const rows: string[] = [];
	const results: Array<{
		scenario: string;
		setting: string;
		seconds: number;
		stats: EmulatorStats;
	}> = [];
	for (const scenario of SCENARIOS) {
		if (only && !only.some((word) => scenario.name.startsWith(word))) continue;
		for (const setting of SETTINGS) {
			await emulator.reset();
			await emulator.configure({ latencyMs, rateLimit: scenario.rateLimit });
			const outcome = await run(setting.concurrency);
			const stats = await emulator.stats();
			const bound = boundSeconds(scenario, requests, latencyMs, setting.concurrency);
			const ratio = outcome.seconds / bound;
			results.push({
				scenario: scenario.name,
				setting: setting.label,
				seconds: outcome.seconds,
				stats,
			});
			rows.push(
				[
					scenario.name.split(',')[0],
					setting.label,
					`${outcome.seconds.toFixed(2)} s`,
					`${bound.toFixed(2)} s`,
					ratio.toFixed(3),
					setting.concurrency === undefined
						? ratio <= scenario.goal && outcome.failedItems === 0
							? `met (≤ ${scenario.goal})`
							: `NOT met (≤ ${scenario.goal})`
						: '',
					String(outcome.failedItems),
					String(stats.requests),
					String(stats.rateLimited),
					String(stats.maxInFlight),
					String(stats.connections),
					`${(((stats.lastAnswerAt ?? 0) - (stats.firstRequestAt ?? 0)) / 1000).toFixed(2)} s`,
					`${outcome.peakRssMb.toFixed(0)} MB`,
				].join(' | '),
			);
			if (outcome.error) rows.push(`  error: ${outcome.error}`);
		}
	}
	console.log(`\n${title}`);
	console.log(
		`at 0 ms latency (Auto): execution ${floor.seconds.toFixed(2)} s, of which the emulator answering every request ${floorBusy.toFixed(2)} s (first request to last answer)`,
	);
	console.log(
		'scenario | setting | execution | bound | ratio | goal (Auto) | failed items | requests | 429s | max in flight | TCP connections | API busy | peak RSS',
	);
	console.log('--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---');
	for (const row of rows) console.log(row);
	for (const scenario of SCENARIOS) {
		const auto = results.find(
			(r) => r.scenario === scenario.name && r.setting === 'Auto (default)',
		);
		const two = results.find((r) => r.scenario === scenario.name && r.setting === 'fixed 2');
		if (auto && two)
			console.log(
				`${scenario.name.split(',')[0]}: Auto is ${(two.seconds / auto.seconds).toFixed(1)}× faster than fixed 2`,
			);
	}
}
