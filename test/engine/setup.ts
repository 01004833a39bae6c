import { checkExchanges } from '../contract/hook';
import { CohereEmulator } from '../emulator/server';

/** One emulator per test file, reset between tests; `credentials()` points the Cohere API credential at it. */
export function useEmulator() {
	const emulator = new CohereEmulator();
	const state = { baseUrl: '' };
	beforeAll(async () => {
		state.baseUrl = await emulator.start();
	});
	afterAll(async () => await emulator.stop());
	beforeEach(() => emulator.reset());
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
