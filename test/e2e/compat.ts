/* `npm run test:compat`: the package on the n8n versions its users run, not only the newest.
 *
 * For each version in COMPAT_VERSIONS: n8n installed once per machine (test/e2e/n8n-runtime.ts), the packed
 * package installed into a fresh user folder as a community package, then the full suite's own scenarios
 * (test/e2e/scenarios.ts): every node type loads and n8n logs nothing about the package; the main nodes'
 * saved workflows give the same items and send the same requests as on the current n8n; where n8n provides
 * `@n8n/ai-node-sdk`, a Basic LLM Chain and the AI Agent's tool loop with our chat model; where it does not,
 * the chat model's panel notice and a chain run that fails with that same sentence; everywhere, the vector
 * store with our embeddings and reranker, which do not need the SDK.
 *
 * `--only 1.123.81,2.30.8` runs some of the versions. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CohereEmulator } from '../emulator/server';
import { check, expectEqual, expectTrue, results, runSuite } from '../checks';
import { bundledVersion, ensureRuntime, installPackage, packPackage, ROOT } from './n8n-runtime';
import {
	aiAgent,
	checkNodeTypes,
	importFixtures,
	llmChain,
	MAIN_NODE_SCENARIOS,
	type Scenario,
	vectorStore,
} from './scenarios';
import { listArg } from '../args';

/**
 * The versions CI runs, with the `@n8n/ai-node-sdk` each bundles (checked, so that the README's table says
 * what ran). The current n8n (2.41.1, SDK 0.31.1) runs the full suite in `npm run test:e2e`.
 */
export const COMPAT_VERSIONS: Array<{ n8n: string; sdk: string | undefined; why: string }> = [
	{ n8n: '1.123.81', sdk: undefined, why: 'the 1.x line, still patched' },
	{ n8n: '2.15.1', sdk: undefined, why: 'the last 2.x without the SDK' },
	{ n8n: '2.20.12', sdk: '0.11.1', why: 'the oldest 2.x with the SDK that installs and runs here' },
	{ n8n: '2.30.8', sdk: '0.20.3', why: 'a mid 2.x with an older SDK' },
];

/** Whether a version meets a `>=x.y.z` range (the only form the package declares). */
function atLeast(version: string, range: string) {
	const minimum = /^>=(\d+)\.(\d+)\.(\d+)$/.exec(range);
	if (!minimum) throw new Error(`unexpected range ${range}`);
	const parts = version.split('.').map(Number);
	for (let i = 0; i < 3; i++) {
		if (parts[i] !== Number(minimum[i + 1])) return parts[i] > Number(minimum[i + 1]);
	}
	return true;
}

async function main() {
	const only = listArg('only');
	const versions = COMPAT_VERSIONS.filter((v) => !only || only.includes(v.n8n));
	if (versions.length === 0)
		throw new Error(`--only names no version of ${COMPAT_VERSIONS.map((v) => v.n8n)}`);
	await ensureRuntime(versions.map((v) => v.n8n));

	const packed = mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-cohere-compat-'));
	const { tarball, files } = packPackage(packed);
	const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
		version: string;
		peerDependencies: Record<string, string>;
	};
	const sdkRange = packageJson.peerDependencies['@n8n/ai-node-sdk'];
	const emulator = new CohereEmulator();
	const emulatorUrl = await emulator.start();
	const summary: string[] = [];
	try {
		for (const { n8n: version, sdk } of versions) {
			const failedBefore = results.failed;
			const versionStarted = Date.now();
			console.log(`\n========== n8n ${version} ==========`);
			const work = mkdtempSync(path.join(os.tmpdir(), `n8n-nodes-cohere-compat-${version}-`));
			const userFolder = path.join(work, 'user');
			installPackage(tarball, userFolder, packageJson.version);
			const scenario: Scenario = { work, userFolder, emulator, emulatorUrl, version };
			const bundled = bundledVersion(version, '@n8n/ai-node-sdk');
			check(`n8n ${version} bundles @n8n/ai-node-sdk ${sdk ?? '(none)'}`, () =>
				expectEqual(bundled, sdk, 'bundled SDK'),
			);
			if (bundled)
				check(`the SDK it bundles is in the package's declared range (${sdkRange})`, () =>
					expectTrue(atLeast(bundled, sdkRange), `${bundled} is below ${sdkRange}`),
				);
			const hasSdk = bundled !== undefined;
			await checkNodeTypes(scenario, files, hasSdk);
			await importFixtures(scenario);
			for (const mainNodeScenario of MAIN_NODE_SCENARIOS) await mainNodeScenario(scenario);
			await llmChain(scenario, hasSdk);
			// The agent's tool loop needs the chat model, so the SDK; the embeddings and the reranker do not.
			if (hasSdk) await aiAgent(scenario);
			await vectorStore(scenario);
			const ok = results.failed === failedBefore;
			summary.push(
				`n8n ${version} (SDK ${bundled ?? 'none'}): ${ok ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - versionStarted) / 1000)} s`,
			);
			if (ok) rmSync(work, { recursive: true, force: true });
			else console.log(`\nkept ${work} for inspection`);
		}
	} finally {
		await emulator.stop();
		rmSync(packed, { recursive: true, force: true });
	}
	console.log(`\n${summary.join('\n')}`);
	return `n8n ${versions.map((v) => v.n8n).join(', ')}`;
}

runSuite(main);
