/*
 * npm run test:queue: the package in n8n's queue mode, as a scaled-out n8n runs it. Postgres and Redis
 * (Debian's, installed when missing) as unprivileged processes, n8n's main process and two workers with the
 * package installed in each one's user folder, the Cohere emulator limiting the one production key as Cohere
 * does, on real one-minute windows, for every worker at once. Driven through webhooks (the main process takes
 * the call, a worker runs it) and the REST API.
 */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { CohereEmulator } from '../emulator/server';
import { check, expectEqual, expectTrue, runSuite } from '../checks';
import { packageLogLines } from '../e2e/checks';
import {
	ensureRuntime,
	exampleCredentials,
	N8N_VERSION,
	packPackage,
	ROOT,
	stopChild,
} from '../e2e/n8n-runtime';
import { type Cluster, executionRunData, executionsByWorker, startCluster } from './cluster';
import { startServices } from './services';
import { AGENT, BINARY, EMBED_AND_CHAT, EMBED_AND_CHAT_PINNED, QUEUE_WORKFLOWS } from './workflows';

const EXECUTIONS = 20;
const ROWS = 150;
const PROMPTS = 30;
const CONCURRENCY = 10;
/**
 * Cohere's limits for a production key (test/emulator/rate-limits.ts), on real minutes: 500 chat calls and
 * 2,000 embedded inputs a minute, whatever worker sends them. 20 executions need 600 chat calls and 3,000
 * inputs: two windows of each.
 */
const LIMITS = { windowMs: 60_000 };
const CHAT_PER_MINUTE = 500;
const INPUTS_PER_MINUTE = 2000;
const EMBED_REQUESTS = Math.ceil(ROWS / 96);
/** The key's bound: the later of its two limits, each met the moment its window frees (answers take ~0 s). */
const BOUND_SECONDS =
	(Math.max(
		Math.ceil((EXECUTIONS * PROMPTS) / CHAT_PER_MINUTE),
		Math.ceil((EXECUTIONS * ROWS) / INPUTS_PER_MINUTE),
	) -
		1) *
	(LIMITS.windowMs / 1000);

/** A POST with a long client timeout (fetch gives up on headers after 300 s; a queued execution may wait). */
function post(url: string, body: string, contentType = 'application/json') {
	return new Promise<{ status: number; body: string }>((resolve, reject) => {
		const call = request(
			url,
			{
				method: 'POST',
				headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
			},
			(response) => {
				let text = '';
				response.on('data', (chunk) => (text += String(chunk)));
				response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
			},
		);
		call.on('error', reject);
		// Far above the rate bound: a hung cluster fails the suite instead of holding CI.
		call.setTimeout(15 * 60_000, () =>
			call.destroy(new Error(`no answer from ${url} in 15 minutes`)),
		);
		call.end(body);
	});
}

async function executionIds(cluster: Cluster, workflowId: string): Promise<string[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	// The REST API gives 100 at most per page: enough for the 40 executions a workflow has here.
	const answer = await cluster.api('GET', `/rest/executions?filter=${filter}&limit=100`);
	if (!Array.isArray(answer.data?.results))
		throw new Error(`GET /rest/executions: ${JSON.stringify(answer).slice(0, 300)}`);
	return (answer.data.results as Array<{ id: string }>).map((execution) => String(execution.id));
}

/** Runs `action` and gives what it returned with the executions of the workflow that it started. */
async function withNewExecutions<T>(
	cluster: Cluster,
	workflowId: string,
	action: () => Promise<T>,
): Promise<{ result: T; ids: string[] }> {
	const before = new Set(await executionIds(cluster, workflowId));
	const result = await action();
	const ids = (await executionIds(cluster, workflowId)).filter((id) => !before.has(id));
	return { result, ids };
}

/** One execution started, and a worker's log says it ran it (not the main process). */
function checkRanOnAWorker(name: string, cluster: Cluster, ids: string[]) {
	check(name, () =>
		expectTrue(
			ids.length === 1 &&
				Object.values(executionsByWorker(cluster)).some((list) => list.includes(ids[0])),
			`execution ${ids[0]} in no worker's log`,
		),
	);
}

const pairedIndex = (item: any) =>
	(Array.isArray(item.pairedItem) ? item.pairedItem[0] : item.pairedItem)?.item;

/** 20 executions at once, each embedding 150 rows and answering 30 prompts, under the key's shared limits. */
async function load(
	cluster: Cluster,
	emulator: CohereEmulator,
	label: string,
	workflow = EMBED_AND_CHAT,
) {
	console.log(
		`\n${EXECUTIONS} executions at once on ${label}: ${ROWS} rows embedded and ${PROMPTS} prompts answered in each`,
	);
	// The workers remember what they sent within the last minute, as Cohere does: the emulator's windows
	// start empty, so the load starts when theirs are empty too.
	const lastSent = emulator.requests.at(-1)?.receivedAt ?? 0;
	const windowLeft = lastSent + LIMITS.windowMs * 1.02 - Date.now();
	if (windowLeft > 0) await new Promise((resolve) => setTimeout(resolve, windowLeft));
	emulator.reset();
	emulator.limitLikeCohere(LIMITS);
	const payloads = Array.from({ length: EXECUTIONS }, (_, e) => ({
		rows: Array.from({ length: ROWS }, (_, i) => ({
			id: `x${e}-r${i}`,
			text: `Row ${i} of execution ${e}: a customer note about order ${(e * ROWS + i) % 997}`,
		})),
		prompts: Array.from({ length: PROMPTS }, (_, i) => ({
			id: `x${e}-p${i}`,
			prompt: `Question ${i} of execution ${e}`,
		})),
	}));
	const {
		result: { answers, seconds },
		ids,
	} = await withNewExecutions(cluster, workflow.id, async () => {
		const started = Date.now();
		const answers = await Promise.all(
			payloads.map((payload) =>
				post(`${cluster.base}/webhook/${workflow.path}`, JSON.stringify(payload)),
			),
		);
		return { answers, seconds: (Date.now() - started) / 1000 };
	});
	const runs = await Promise.all(
		ids.map(async (id) => ({ id, ...(await executionRunData(cluster, id)) })),
	);
	const byWorker = executionsByWorker(cluster);
	const ranOn = Object.fromEntries(
		Object.entries(byWorker).map(([worker, list]) => [
			worker,
			list.filter((id) => ids.includes(id)).length,
		]),
	);

	check(`every webhook call answered 200 (${EXECUTIONS})`, () =>
		expectEqual(
			answers.map((a) => a.status),
			Array(EXECUTIONS).fill(200),
			'statuses',
		),
	);
	check(`${EXECUTIONS} executions, every one successful`, () => {
		expectEqual(ids.length, EXECUTIONS, 'executions');
		expectEqual(
			runs
				.filter((run) => run.status !== 'success')
				.map((run) => [run.id, run.status, run.error?.message]),
			[],
			'failed executions',
		);
	});
	const failedItems: string[] = [];
	const unpaired: string[] = [];
	const seen = new Set<number>();
	for (const run of runs) {
		const embedded = run.runData['Cohere Embed']?.[0]?.data?.main?.[0] ?? [];
		const answered = run.runData['Cohere Chat']?.[0]?.data?.main?.[0] ?? [];
		const execution = Number(/^x(\d+)-/.exec(embedded[0]?.json?.id ?? '')?.[1]);
		seen.add(execution);
		if (embedded.length !== ROWS) unpaired.push(`${run.id}: ${embedded.length} embedded items`);
		if (answered.length !== PROMPTS) unpaired.push(`${run.id}: ${answered.length} answers`);
		embedded.forEach((item: any, i: number) => {
			if (item.json.error) failedItems.push(`${run.id} row ${i}: ${item.json.error}`);
			else if (item.json.id !== `x${execution}-r${i}` || pairedIndex(item) !== i)
				unpaired.push(`${run.id} row ${i}: ${item.json.id} paired to ${pairedIndex(item)}`);
			else if (!Array.isArray(item.json.embedding) || item.json.embedding.length !== 256)
				failedItems.push(`${run.id} row ${i}: no 256-number embedding`);
		});
		answered.forEach((item: any, i: number) => {
			if (item.json.error) failedItems.push(`${run.id} prompt ${i}: ${item.json.error}`);
			else if (
				item.json.text !== `Answer to: Question ${i} of execution ${execution}` ||
				pairedIndex(item) !== i
			)
				unpaired.push(`${run.id} prompt ${i}: "${item.json.text}" paired to ${pairedIndex(item)}`);
		});
	}
	check('0 items failed', () => expectEqual(failedItems.slice(0, 5), [], 'failed items'));
	check(
		'every item stays paired to its input, in order: each row its own embedding, each prompt its own answer',
		() => {
			expectEqual(unpaired.slice(0, 5), [], 'unpaired items');
			expectEqual(seen.size, EXECUTIONS, 'distinct payloads among the executions');
		},
	);
	const embedRequests = emulator.exchanges.filter(
		(x) => x.path === '/v2/embed' && x.status === 200,
	).length;
	const chatRequests = emulator.exchanges.filter(
		(x) => x.path === '/v2/chat' && x.status === 200,
	).length;
	check(
		`each execution sent ${EMBED_REQUESTS + PROMPTS} answered requests: ${EMBED_REQUESTS} embed (96 texts each at most) and ${PROMPTS} chat`,
		() => {
			expectEqual(
				[embedRequests, chatRequests],
				[EXECUTIONS * EMBED_REQUESTS, EXECUTIONS * PROMPTS],
				'embed and chat requests',
			);
		},
	);
	const answered = embedRequests + chatRequests;
	const figures = {
		label,
		seconds: Math.round(seconds * 10) / 10,
		boundSeconds: BOUND_SECONDS,
		ratio: Math.round((seconds / BOUND_SECONDS) * 1000) / 1000,
		requests: emulator.requests.length,
		answered,
		rateLimited: emulator.rateLimited,
		rateLimitedPerAnswer: Math.round((emulator.rateLimited / answered) * 1000) / 1000,
		failedExecutions: runs.filter((run) => run.status !== 'success').length,
		failedItems: failedItems.length,
		ranOn,
	};
	console.log(
		`  ${label}: ${figures.seconds} s against the key's rate bound of ${BOUND_SECONDS} s (ratio ${figures.ratio}); ${answered} answered, ${figures.rateLimited} answered 429 (${figures.rateLimitedPerAnswer} per answer); ${figures.failedExecutions} executions and ${figures.failedItems} items failed; executions per worker ${JSON.stringify(ranOn)}`,
	);
	return figures;
}

/** A voice note and a photo posted to a webhook: stored by the main process (binary data mode `database`), read by a worker. */
async function binaryData(cluster: Cluster, emulator: CohereEmulator) {
	console.log('\nBinary data in queue mode (N8N_DEFAULT_BINARY_DATA_MODE=database)');
	emulator.reset();
	const audio = Buffer.from('OggS....SPEECH: Hallo, ich rufe wegen der Rechnung an.');
	const photo = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
	const form = new FormData();
	form.append('audio', new Blob([audio], { type: 'audio/ogg' }), 'voice.ogg');
	form.append('photo', new Blob([photo], { type: 'image/png' }), 'photo.png');
	const {
		result: { response, items },
		ids,
	} = await withNewExecutions(cluster, BINARY.id, async () => {
		const response = await fetch(`${cluster.base}/webhook/${BINARY.path}`, {
			method: 'POST',
			body: form,
		});
		return { response, items: (await response.json()) as Array<Record<string, unknown>> };
	});
	check(
		'Cohere Transcribe on a worker sends the uploaded audio, byte for byte, and answers',
		() => {
			expectEqual(response.status, 200, 'webhook status');
			const [sent] = emulator.requestsTo('/v2/audio/transcriptions');
			expectTrue(
				sent?.rawBody.includes(
					`filename="voice.ogg"\r\nContent-Type: audio/ogg\r\n\r\n${audio.toString()}\r\n`,
				),
				`transcription request: ${sent?.rawBody.slice(0, 400)}`,
			);
			expectTrue(
				typeof items[0]?.text === 'string' && (items[0].text as string).length > 0,
				`transcription: ${JSON.stringify(items[0])}`,
			);
		},
	);
	check('Cohere Chat on a worker sends the uploaded photo as its data URI', () => {
		const sent = emulator.requestsTo('/v2/chat')[0]?.body as any;
		expectEqual(sent?.messages?.[0]?.content?.[1], {
			type: 'image_url',
			image_url: { url: `data:image/png;base64,${photo.toString('base64')}` },
		});
		expectEqual(items[1]?.text, 'Answer to: What is in this picture? (saw 1 image)', 'answer');
	});
	checkRanOnAWorker('a worker ran it, not the main process', cluster, ids);
}

/** n8n's AI Agent with our chat model and the Calculator tool, on a worker (the AI node SDK loads there). */
async function aiAgent(cluster: Cluster, emulator: CohereEmulator) {
	console.log("\nn8n's AI Agent with the Cohere Command Chat Model, on a worker");
	emulator.reset();
	const { result: response, ids } = await withNewExecutions(
		cluster,
		AGENT.id,
		async () =>
			await post(
				`${cluster.base}/webhook/${AGENT.path}`,
				JSON.stringify({ question: 'What is 6 * 7?' }),
			),
	);
	check("the agent answers with the tool's result, in two chat rounds", () => {
		expectEqual(response.status, 200, 'webhook status');
		expectEqual(
			JSON.parse(response.body).output,
			'Answer to: What is 6 * 7? (tool results: Calculator_0: [{"response":"42"}])',
			'agent output',
		);
		expectEqual(emulator.requestsTo('/v2/chat').length, 2, 'chat requests');
	});
	checkRanOnAWorker('a worker ran it', cluster, ids);
}

runSuite(async () => {
	await ensureRuntime([N8N_VERSION]);
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-e2e-'));
	const services = await startServices();
	const emulator = new CohereEmulator();
	const emulatorUrl = await emulator.start();
	let cluster: Cluster | undefined;
	try {
		const packageVersion = (
			JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }
		).version;
		const { tarball } = packPackage(work);
		const credentialsFile = path.join(work, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(exampleCredentials(emulatorUrl)));
		const workflowsDir = path.join(work, 'workflows');
		mkdirSync(workflowsDir);
		for (const workflow of QUEUE_WORKFLOWS)
			writeFileSync(path.join(workflowsDir, `${workflow.id}.json`), JSON.stringify(workflow));

		console.log(
			`n8n ${N8N_VERSION} in queue mode: Postgres on ${services.postgres.port}, Redis on ${services.redis.port}, main and 2 workers (concurrency ${CONCURRENCY})`,
		);
		cluster = await startCluster({
			services,
			work,
			tarball,
			packageVersion,
			workers: 2,
			concurrency: CONCURRENCY,
			credentialsFile,
			workflowsDir,
			publish: QUEUE_WORKFLOWS.map((workflow) => workflow.id),
		});
		const two = await load(cluster, emulator, '2 workers');
		check('both workers took executions', () =>
			expectTrue(
				Object.values(two.ranOn).every((count) => count > 0),
				`executions per worker: ${JSON.stringify(two.ranOn)}`,
			),
		);
		// Pinned to one request at a time and Max Retries 10: paced like Auto, held to 0 failures too.
		const pinned = await load(
			cluster,
			emulator,
			'2 workers, Concurrent Requests pinned to 1, Max Retries 10',
			EMBED_AND_CHAT_PINNED,
		);
		await binaryData(cluster, emulator);
		await aiAgent(cluster, emulator);

		// The same load on one worker: the second stops, and its executions go to the first.
		const [, second] = cluster.workers;
		await stopChild(second.child);
		cluster.workers.splice(1, 1);
		const one = await load(cluster, emulator, '1 worker');
		check('the one worker left took them all', () =>
			expectEqual(one.ranOn, { 'worker-1': EXECUTIONS }, 'executions per worker'),
		);

		const lines = [...cluster.workers, cluster.main].flatMap((process) =>
			packageLogLines(process.log()).map((line) => `${process.name}: ${line}`),
		);
		check('n8n logged no warning or error about the package on the main process or a worker', () =>
			expectEqual(lines.slice(0, 5), [], 'log lines'),
		);
		console.log(
			`\nFigures: ${JSON.stringify({ twoWorkers: two, twoWorkersPinned: pinned, oneWorker: one })}`,
		);
		return `${N8N_VERSION}, queue mode`;
	} catch (error) {
		if (cluster)
			for (const process of [cluster.main, ...cluster.workers])
				console.error(`--- ${process.name}\n${process.log().slice(-3000)}`);
		console.error(`--- services\n${services.log().slice(-2000)}`);
		throw error;
	} finally {
		await cluster?.stop();
		await emulator.stop();
		await services.stop();
		rmSync(work, { recursive: true, force: true });
	}
});
