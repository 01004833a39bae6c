import { checkExchanges } from '../contract/hook';
import { CohereEmulator } from '../emulator/server';

/** The built package's paces (one per key and limit, kept by the process): forgotten between tests. */
export const pacing = require('../../dist/nodes/shared/transport/pacing') as {
	resetPacing(options?: { windowMs?: number; marginMs?: number }): void;
	pacingState(): Array<{ id: string; limit?: number; ceiling?: number; source: string }>;
};
/**
 * Cohere's minute, scaled down for tests: learned paces free up within a second. The margin for a request's
 * way to the emulator does not scale down with it: a burst of 20 reaches it over 70 to 200 ms here.
 */
export const TEST_WINDOW_MS = 1000;
export const TEST_MARGIN_MS = 400;

/** One emulator per test file, reset between tests; `credentials()` points the Cohere API credential at it. */
export function useEmulator() {
	const emulator = new CohereEmulator();
	const state = { baseUrl: '' };
	beforeAll(async () => {
		state.baseUrl = await emulator.start();
	});
	afterAll(async () => await emulator.stop());
	beforeEach(() => {
		emulator.reset();
		pacing.resetPacing({ windowMs: TEST_WINDOW_MS, marginMs: TEST_MARGIN_MS });
	});
	// Every request the test's nodes sent and every answer the emulator gave, held to Cohere's OpenAPI spec.
	afterEach(() =>
		checkExchanges(emulator.exchanges, expect.getState().currentTestName ?? '', {
			invalidRequestsExpected: emulator.invalidRequestsExpected,
		}),
	);
	return {
		emulator,
		get baseUrl() {
			return state.baseUrl;
		},
		credentials: (extra: Record<string, string> = {}) => ({
			apiKey: 'test-key',
			baseUrl: state.baseUrl,
			...extra,
		}),
	};
}
