/* The contract check run after every test that uses the emulator (test/engine/setup.ts). */
import { appendFileSync } from 'node:fs';

import type { Exchange, Violation } from './openapi';
import { OpenApiContract } from './openapi';
import { SAMPLE_DRIFT } from './sample-drift';

let contract: OpenApiContract | undefined;

/** Paths of the OpenAI-compatible API the emulator serves (see its compatPrefixes). */
export const COMPATIBILITY_PATH = /^\/(compatibility|api)\/v1\//;

/**
 * Fails the test when a request its nodes sent, or an answer the emulator gave, breaks Cohere's spec. Only
 * the documented connector samples listed in SAMPLE_DRIFT may answer outside it, each for its stated reason.
 */
export function checkExchanges(
	exchanges: Exchange[],
	testName: string,
	options: { invalidRequestsExpected?: boolean } = {},
): Violation[] {
	contract ??= new OpenApiContract();
	const violations = exchanges
		// The OpenAI-compatible API (Cohere's /compatibility/v1, a gateway's /api/v1) is not in this spec.
		.filter((exchange) => !COMPATIBILITY_PATH.test(exchange.path))
		.flatMap((exchange) => contract!.check(exchange));
	const unexpected = violations.filter(
		(violation) =>
			!(violation.side === 'response' && violation.sample && violation.sample in SAMPLE_DRIFT) &&
			!(violation.side === 'request' && options.invalidRequestsExpected),
	);
	if (process.env.CONTRACT_REPORT)
		for (const violation of unexpected)
			appendFileSync(
				process.env.CONTRACT_REPORT,
				`${JSON.stringify({ testName, ...violation })}\n`,
			);
	if (unexpected.length > 0 && !process.env.CONTRACT_REPORT) {
		throw new Error(
			`Cohere's OpenAPI spec rejects ${unexpected.length} part(s) of this test's traffic:\n${unexpected
				.slice(0, 20)
				.map((v) => `  ${v.side} ${v.exchange}: ${v.message}`)
				.join('\n')}`,
		);
	}
	return violations;
}
