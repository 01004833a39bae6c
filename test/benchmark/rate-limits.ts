/* The rate-limit scenarios the chat and embed benchmarks run, each with Auto (the default) and with a fixed
 * 2 and 10, against the emulator in its own process. Cohere-like scenarios limit as Cohere does (per key and
 * endpoint, trial headers, Cohere's wording, no Retry-After; test/emulator/rate-limits.ts) on real one-minute
 * windows unless --window scales them; the hint scenarios answer 429 with `retry-after-ms`, as a gateway may.
 * A measurement, not a test. */
import path from 'node:path';

import type { CohereLimits } from '../emulator/rate-limits';
import type { RateLimit } from '../emulator/server';
import type { EmulatorStats, RemoteEmulator } from './remote-emulator';

/** What Auto allows in flight at most (nodes/shared/transport/limiter.ts). */
const AUTO_CAP = 32;
export const TRIAL_KEY = 'trial-key';
export const PRODUCTION_KEY = 'test-key';

/** The built package's paces, kept by this process: forgotten before each run, so that each starts cold. */
const pacing = require(path.join(__dirname, '../../dist/nodes/shared/transport/pacing')) as {
	resetPacing(options?: { windowMs?: number; marginMs?: number }): void;
};

export interface Scenario {
	name: string;
	/** What one execution works on (items, or texts for embed), and how many executions run at once. */
	work: number;
	executions?: number;
	apiKey?: string;
	rateLimit?: RateLimit;
	cohereLimits?: CohereLimits;
	/** The limit that binds, for the bound: units per window, and each request's units. */
	binding?: { perWindow: number; windowMs: number };
	/** The goals for Auto: time ÷ bound, and 429s ÷ answered requests. */
	goal: { ratio: number; extraCalls?: number };
}

/** The trial-like hint scenario benchmark:batch runs: 20 requests per 2 s, 429 with retry-after-ms. */
export const HINT_TRIAL: RateLimit = { limit: 20, windowMs: 2000, exactRetryAfter: true };

/** Cohere's own limits on a window of `windowMs` (60 s: Cohere's minute). */
export function cohereLike(windowMs: number): CohereLimits {
	return { keys: { [TRIAL_KEY]: 'trial' }, windowMs, monthlyCalls: 1_000_000 };
}

/**
 * When a sender that knows the limit would be done: each request goes the moment both the concurrency and
 * the sliding window admit it, and is answered `latencyMs` later.
 */
export function boundSeconds(
	weights: number[],
	latencyMs: number,
	concurrency: number,
	binding?: { perWindow: number; windowMs: number },
): number {
	const sent: Array<{ at: number; weight: number }> = [];
	const ends: number[] = [];
	let t = 0;
	for (const weight of weights) {
		if (ends.length >= concurrency)
			t = Math.max(t, [...ends].sort((a, b) => a - b)[ends.length - concurrency]);
		if (binding) {
			for (;;) {
				const inWindow = sent.filter((s) => s.at > t - binding.windowMs);
				const used = inWindow.reduce((sum, s) => sum + s.weight, 0);
				if (inWindow.length === 0 || used + weight <= binding.perWindow) break;
				let excess = used + weight - binding.perWindow;
				const freeing = inWindow.find((s) => (excess -= s.weight) <= 0) ?? inWindow[0];
				t = freeing.at + binding.windowMs;
			}
		}
		sent.push({ at: t, weight });
		ends.push(t + latencyMs);
	}
	return Math.max(...ends) / 1000;
}

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

export function peakSampler() {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	return () => {
		clearInterval(timer);
		return peak / 1024 / 1024;
	};
}

/** One execution: `work` units of the scenario, with a concurrency (undefined: Auto) and a key. */
export type RunOne = (
	work: number,
	concurrency: number | undefined,
	apiKey: string,
	tag: string,
) => Promise<RunOutcome>;

/** Runs every scenario with every setting and prints one table. */
export async function runScenarios(options: {
	title: string;
	emulator: RemoteEmulator;
	latencyMs: number;
	scenarios: Scenario[];
	/** Each request's units for `work` units of one execution (the bound counts these, not the 429s). */
	requestWeights: (work: number) => number[];
	/** The window the Cohere-like scenarios were given (60 s unless scaled). */
	windowMs: number;
	run: RunOne;
	only?: string[];
}) {
	const { emulator, latencyMs, run } = options;
	// One run first, unmeasured: the first run of a process pays for loading and compiling n8n's code, as
	// a running n8n instance does not.
	await emulator.reset();
	await emulator.configure({ latencyMs: 0 });
	pacing.resetPacing();
	await run(options.scenarios[0].work, undefined, PRODUCTION_KEY, 'warm-up');
	const rows: string[] = [];
	const summaries: string[] = [];
	for (const scenario of options.scenarios) {
		if (options.only && !options.only.some((word) => scenario.name.startsWith(word))) continue;
		const executions = scenario.executions ?? 1;
		const seconds: Record<string, number> = {};
		for (const setting of SETTINGS) {
			await emulator.reset();
			await emulator.configure({
				latencyMs,
				rateLimit: scenario.rateLimit,
				cohereLimits: scenario.cohereLimits,
				apiKeys: [TRIAL_KEY],
			});
			// Cold: nothing learned yet in this process, as after n8n starts.
			pacing.resetPacing(
				options.windowMs === 60_000 ? {} : { windowMs: options.windowMs, marginMs: 150 },
			);
			const started = Date.now();
			const outcomes = await Promise.all(
				Array.from({ length: executions }, (_, e) =>
					run(scenario.work, setting.concurrency, scenario.apiKey ?? PRODUCTION_KEY, `x${e}`),
				),
			);
			const elapsed = (Date.now() - started) / 1000;
			const stats: EmulatorStats = await emulator.stats();
			const weights = Array.from({ length: executions }, () =>
				options.requestWeights(scenario.work),
			).flat();
			const bound = boundSeconds(
				weights,
				latencyMs,
				(setting.concurrency ?? AUTO_CAP) * executions,
				scenario.binding,
			);
			const answered = stats.requests - stats.rateLimited;
			const extra = stats.rateLimited / Math.max(1, answered);
			const ratio = elapsed / bound;
			const failed = outcomes.reduce((sum, o) => sum + o.failedItems, 0);
			const met =
				ratio <= scenario.goal.ratio &&
				failed === 0 &&
				(scenario.goal.extraCalls === undefined || extra <= scenario.goal.extraCalls);
			seconds[setting.label] = elapsed;
			rows.push(
				[
					scenario.name,
					setting.label,
					`${elapsed.toFixed(2)} s`,
					`${bound.toFixed(2)} s`,
					ratio.toFixed(3),
					`${(extra * 100).toFixed(1)} %`,
					setting.concurrency === undefined
						? `${met ? 'met' : 'NOT met'} (≤ ${scenario.goal.ratio}${scenario.goal.extraCalls === undefined ? '' : `, ≤ ${scenario.goal.extraCalls * 100} %`})`
						: '',
					String(failed),
					String(answered),
					String(stats.rateLimited),
					String(stats.maxInFlight),
					`${Math.max(...outcomes.map((o) => o.peakRssMb)).toFixed(0)} MB`,
				].join(' | '),
			);
			for (const outcome of outcomes) if (outcome.error) rows.push(`  error: ${outcome.error}`);
		}
		if (seconds['Auto (default)'] && seconds['fixed 2'])
			summaries.push(
				`${scenario.name}: Auto is ${(seconds['fixed 2'] / seconds['Auto (default)']).toFixed(1)}× faster than fixed 2`,
			);
	}
	console.log(`\n${options.title}`);
	console.log(
		'scenario | setting | execution | bound | time ÷ bound | extra calls (429s ÷ answered) | goal (Auto) | failed items | answered | 429s | max in flight | peak RSS',
	);
	console.log('--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---');
	for (const row of rows) console.log(row);
	for (const line of summaries) console.log(line);
}
