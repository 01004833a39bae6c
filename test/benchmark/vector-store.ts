/* `npm run benchmark:vector-store [-- --texts 10000 --latency 100 --concurrency 4]`: n8n's Simple Vector Store
 * inserting --texts items with the Cohere Embeddings sub-node, in the real n8n (`n8n execute`), against the
 * emulator in its own process answering each request after --latency ms. Runs twice: with the store's
 * default Embedding Batch Size (200 documents per call to the sub-node) and with 9,600 (a multiple of 96).
 * Reports the requests, the insert node's execution time from n8n's run data, the bound
 * latency × ceil(requests / concurrency) for each call the store makes, and their ratio. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
	ensureRuntime,
	exampleCredentials,
	installPackage,
	n8n,
	packPackage,
	queryDatabase,
	ROOT,
} from '../e2e/n8n-runtime';
import { startRemoteEmulator } from './remote-emulator';
import { numberArg } from '../args';
import { EMULATOR_CREDENTIAL } from '../fixtures';

function workflow(id: string, texts: number, batchSize: number, concurrency: number) {
	const cred = EMULATOR_CREDENTIAL;
	return {
		id,
		name: `Benchmark: ${texts} texts into a Simple Vector Store, batches of ${batchSize}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 't',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'n',
				name: 'Notes',
				type: 'n8n-nodes-base.set',
				typeVersion: 3.4,
				position: [200, 0],
				parameters: {
					mode: 'raw',
					jsonOutput: `={{ { rows: Array.from({ length: ${texts} }, (_, i) => ({ text: 'Row ' + i + ': a customer note about order ' + (i * 7) + ' and its delivery.' })) } }}`,
					options: {},
				},
			},
			{
				id: 's',
				name: 'Split',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [400, 0],
				parameters: { fieldToSplitOut: 'rows', options: {} },
			},
			{
				id: 'v',
				name: 'Insert',
				type: '@n8n/n8n-nodes-langchain.vectorStoreInMemory',
				typeVersion: 1.3,
				position: [600, 0],
				parameters: {
					mode: 'insert',
					memoryKey: { __rl: true, mode: 'list', value: `bench_${id}` },
					clearStore: true,
					embeddingBatchSize: batchSize,
				},
			},
			{
				id: 'd',
				name: 'Loader',
				type: '@n8n/n8n-nodes-langchain.documentDefaultDataLoader',
				typeVersion: 1.1,
				position: [700, 250],
				parameters: { jsonMode: 'expressionData', jsonData: '={{ $json.text }}', options: {} },
			},
			{
				id: 'e',
				name: 'Cohere Embeddings',
				type: 'n8n-nodes-cohere.cohereEmbeddings',
				typeVersion: 1,
				position: [500, 250],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'embed-v4.0' },
					options: { concurrency, outputDimension: '256' },
				},
				credentials: cred,
			},
		],
		connections: {
			Start: { main: [[{ node: 'Notes', type: 'main', index: 0 }]] },
			Notes: { main: [[{ node: 'Split', type: 'main', index: 0 }]] },
			Split: { main: [[{ node: 'Insert', type: 'main', index: 0 }]] },
			Loader: { ai_document: [[{ node: 'Insert', type: 'ai_document', index: 0 }]] },
			'Cohere Embeddings': { ai_embedding: [[{ node: 'Insert', type: 'ai_embedding', index: 0 }]] },
		},
	};
}

async function main() {
	const texts = numberArg('texts', 10000);
	const latencyMs = numberArg('latency', 100);
	const concurrency = numberArg('concurrency', 4);
	await ensureRuntime();
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-cohere-bench-'));
	const userFolder = path.join(work, 'user');
	const emulator = await startRemoteEmulator();
	try {
		const { tarball } = packPackage(work);
		const packageJson = (await import(path.join(ROOT, 'package.json'))) as { version: string };
		installPackage(tarball, userFolder, packageJson.version);
		const credentialsFile = path.join(work, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(exampleCredentials(emulator.url)));
		const workflows = path.join(work, 'workflows');
		rmSync(workflows, { recursive: true, force: true });
		// n8n's default batch size, a multiple of 96, and that again without latency (n8n's own work).
		const runs = [
			['benchVectorStore1', 200, latencyMs],
			['benchVectorStore2', 9600, latencyMs],
			['benchVectorStore2', 9600, 0],
		] as const;
		const { mkdirSync } = await import('node:fs');
		mkdirSync(workflows, { recursive: true });
		for (const [id, batchSize] of runs.slice(0, 2))
			writeFileSync(
				path.join(workflows, `${id}.json`),
				JSON.stringify(workflow(id, texts, batchSize, concurrency)),
			);
		await n8n(userFolder, ['import:credentials', `--input=${credentialsFile}`]);
		await n8n(userFolder, ['import:workflow', '--separate', `--input=${workflows}`]);

		console.log(
			`Simple Vector Store insert of ${texts} texts with Cohere Embeddings (concurrency ${concurrency}), emulator latency ${latencyMs} ms, real n8n`,
		);
		for (const [id, batchSize, latency] of runs) {
			await emulator.reset();
			await emulator.configure({ latencyMs: latency });
			const result = await n8n(userFolder, ['execute', `--id=${id}`, '--rawOutput']);
			// The run data of 10,000 items is more than `n8n execute` gets printed before it exits: the
			// execution's status and times are read from n8n's database instead.
			if (result.status !== 0)
				throw new Error(`n8n execute failed:\n${String(result.stderr).slice(-2000)}`);
			const [execution] = queryDatabase(
				userFolder,
				`SELECT status, startedAt, stoppedAt FROM execution_entity WHERE workflowId = '${id}' ORDER BY id DESC LIMIT 1`,
			);
			if (execution?.status !== 'success')
				throw new Error(`the execution did not succeed: ${JSON.stringify(execution)}`);
			const seconds =
				(Date.parse(String(execution.stoppedAt)) - Date.parse(String(execution.startedAt))) / 1000;
			const { requests, maxInFlight, firstRequestAt, lastAnswerAt } = await emulator.stats();
			const embedding = ((lastAnswerAt ?? 0) - (firstRequestAt ?? 0)) / 1000;
			// The store calls the sub-node once per batch, one call after the other; each call sends
			// ceil(texts / 96) requests, `concurrency` at a time.
			let rounds = 0;
			for (let start = 0; start < texts; start += batchSize)
				rounds += Math.ceil(Math.ceil(Math.min(batchSize, texts - start) / 96) / concurrency);
			const bound = rounds * (latency / 1000);
			console.log(
				`Embedding Batch Size ${batchSize}, latency ${latency} ms: ${requests} requests (at least ${Math.ceil(texts / 96)}), at most ${maxInFlight} at once; embedding (first request to last answer) ${embedding.toFixed(2)} s, bound ${bound.toFixed(2)} s (${rounds} rounds × ${latency} ms)${bound > 0 ? `, ratio ${(embedding / bound).toFixed(3)}` : ''}; whole execution ${seconds.toFixed(2)} s`,
			);
		}
	} finally {
		emulator.stop();
		rmSync(work, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
