/* The one check runner of the suites that drive the real n8n (e2e, compat, ui, queue): named checks that print
 * ✓ or ✗ and go on, and a last line "N passed, N failed (seconds, what)"; a crash fails the suite. */
import { isDeepStrictEqual } from 'node:util';

/** What the checks counted. */
export const results = { passed: 0, failed: 0 };

/** Runs a suite: `main` gives what it ran, for the last line. */
export function runSuite(main: () => Promise<string>) {
	const started = Date.now();
	main().then(
		(what) => {
			const seconds = Math.round((Date.now() - started) / 1000);
			console.log(`\n${results.passed} passed, ${results.failed} failed (${seconds} s, ${what})`);
			process.exitCode = results.failed === 0 ? 0 : 1;
		},
		(error) => {
			console.error(error);
			process.exitCode = 1;
		},
	);
}

function passed(name: string) {
	results.passed++;
	console.log(`  ✓ ${name}`);
}
function failed(name: string, error: unknown) {
	results.failed++;
	console.log(`  ✗ ${name}\n      ${(error as Error).message.split('\n').join('\n      ')}`);
}

/** One named check: an assertion that throws when it fails; an async one is awaited. */
export function check(name: string, assertion: () => void): void;
export function check(name: string, assertion: () => Promise<void>): Promise<void>;
export function check(name: string, assertion: () => void | Promise<void>): void | Promise<void> {
	let outcome: void | Promise<void>;
	try {
		outcome = assertion();
	} catch (error) {
		failed(name, error);
		return;
	}
	if (outcome instanceof Promise)
		return outcome.then(
			() => passed(name),
			(error: unknown) => failed(name, error),
		);
	passed(name);
}

/** Deep equality that ignores key order, as JSON bodies do. */
export function expectEqual(actual: unknown, expected: unknown, what = 'value') {
	if (
		!isDeepStrictEqual(
			JSON.parse(JSON.stringify(actual ?? null)),
			JSON.parse(JSON.stringify(expected ?? null)),
		)
	) {
		throw new Error(
			`${what}: expected ${JSON.stringify(expected)?.slice(0, 800)}\n      got      ${JSON.stringify(actual)?.slice(0, 800)}`,
		);
	}
}

export function expectTrue(condition: unknown, message: string) {
	if (!condition) throw new Error(message);
}
