/* `npm run test:e2e`: our package inside the real n8n.
 *
 * Installs (once per machine, into a cache folder outside the repo) Node 24 and n8n, packs this package,
 * installs the tarball into a fresh n8n user folder as a community package, checks the packed files and
 * lints them like n8n's package scanner, imports an encrypted credential and the workflows in
 * test/e2e/workflows/, runs each with the n8n CLI against the local Cohere emulator, then starts the n8n
 * server for the credential test and the node/credential types the editor sees. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';

import samples from '../emulator/connector-samples.json';
import { CohereEmulator } from '../emulator/server';
import {
	CACHE,
	ensureRuntime,
	exampleCredentials,
	installPackage,
	n8n,
	packPackage,
	PACKAGE_NAME,
	readRunData,
	ROOT,
	startServer,
	WORKFLOWS_DIR,
} from './n8n-runtime';

// ---------- a tiny assertion runner that ends with "N passed, N failed" ----------
let passed = 0;
let failed = 0;
function check(name: string, assertion: () => void) {
	try {
		assertion();
		passed++;
		console.log(`  ✓ ${name}`);
	} catch (error) {
		failed++;
		console.log(`  ✗ ${name}\n      ${(error as Error).message.split('\n').join('\n      ')}`);
	}
}
function expectEqual(actual: unknown, expected: unknown, what = 'value') {
	// Deep equality that ignores key order, as JSON bodies do.
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
function expectTrue(condition: unknown, message: string) {
	if (!condition) throw new Error(message);
}

/**
 * Lines where n8n warns about or fails on our package (loading, description, credential). The cache path
 * holds the package name too, so it is cut first; the stack of the expected 401 in the credential test
 * runs through n8n's own files only.
 */
function packageLogLines(log: string): string[] {
	return log
		.split(CACHE)
		.join('<cache>')
		.split('\n')
		.filter(
			(line) =>
				/n8n-nodes-cohere|cohereModels|cohereHttpRequest|cohereBearerApi/.test(line) &&
				/warn|error|fail|invalid|issue/i.test(line),
		);
}

interface Item {
	json: Record<string, any>;
	pairedItem?: unknown;
}
interface Execution {
	status: number | null;
	/** Whether run data could be read from n8n's output at all. */
	read: boolean;
	output: (node: string) => Item[];
	error: { message?: string; description?: string } | undefined;
	nodeError: (node: string) => { message?: string; description?: string } | undefined;
	/** How many runs a node (a sub-node too) has in the run data. */
	runs: (node: string) => number;
	log: string;
}

/** `n8n execute --id <id> --rawOutput`, parsed. */
async function execute(userFolder: string, id: string): Promise<Execution> {
	const result = await n8n(userFolder, ['execute', `--id=${id}`, '--rawOutput']);
	const stdout = String(result.stdout);
	const data = readRunData(stdout);
	const runData = data?.data?.resultData?.runData ?? {};
	return {
		status: result.status,
		read: data !== undefined,
		output: (node) => runData[node]?.[0]?.data?.main?.[0] ?? [],
		error: data?.data?.resultData?.error,
		nodeError: (node) => runData[node]?.[0]?.error,
		runs: (node) => (runData[node] ?? []).length,
		log: `${stdout}\n${String(result.stderr)}`,
	};
}

/**
 * Sends a message to a published Chat Trigger and reads its streamed answer (JSON lines): the text of the
 * `item` chunks. The webhook registers shortly after the server answers, so a 404 is retried for a while.
 */
async function chatMessage(base: string, webhookId: string, chatInput: string) {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(`${base}/webhook/${webhookId}/chat`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ action: 'sendMessage', sessionId: 'e2e-session', chatInput }),
		});
		const text = await response.text();
		if (response.status === 404 && attempt < 40) {
			await new Promise((resolve) => setTimeout(resolve, 500));
			continue;
		}
		const items = text
			.split('\n')
			.filter((line) => line.trim().startsWith('{'))
			.map((line) => JSON.parse(line) as { type?: string; content?: string })
			.filter((chunk) => chunk.type === 'item')
			.map((chunk) => chunk.content ?? '');
		return { status: response.status, items, text };
	}
}

/** "Runs without error" needs run data that says so: no run data read is a failure, not a pass. */
function checkRanWithoutError(run: Execution) {
	check('runs without error', () => {
		expectTrue(run.read, `no run data could be read from n8n's output:\n${run.log.slice(-2000)}`);
		expectTrue(!run.error, `${JSON.stringify(run.error)}\n${run.log.slice(-2000)}`);
	});
}

async function main() {
	const started = Date.now();
	ensureRuntime();
	const work = mkdtempSync(path.join(os.tmpdir(), 'n8n-nodes-cohere-e2e-'));
	const userFolder = path.join(work, 'user');
	const emulator = new CohereEmulator();
	const emulatorUrl = await emulator.start();
	let server: Awaited<ReturnType<typeof startServer>> | undefined;

	try {
		console.log('\nPackage');
		const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
		const { tarball, files } = packPackage(work);
		check('npm pack holds only dist/, README.md, LICENSE and package.json', () => {
			const stray = files.filter(
				(f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(f),
			);
			expectEqual(stray, [], 'files outside the allowed set');
			for (const required of ['README.md', 'LICENSE', 'package.json'])
				expectTrue(files.includes(required), `${required} missing`);
			expectTrue(!files.some((f) => /\.test\.|\/test\//.test(f)), 'test files are packed');
		});
		check('every node and credential of the n8n block is packed with its codex file', () => {
			for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials])
				expectTrue(files.includes(file), `${file} not packed`);
			for (const file of packageJson.n8n.nodes as string[]) {
				const codex = file.replace(/\.js$/, '.json');
				expectTrue(files.includes(codex), `${codex} not packed`);
			}
		});

		const installDir = installPackage(tarball, userFolder, packageJson.version);

		const scan = spawnSync(
			process.execPath,
			[path.join(__dirname, 'scan-package.mjs'), ROOT, installDir],
			{ encoding: 'utf8', cwd: ROOT },
		);
		check(
			"n8n's community package scanner rules pass on the sources and the packed JavaScript (inline disables ignored)",
			() => {
				expectTrue(scan.status === 0, `${scan.stdout}\n${scan.stderr}`);
			},
		);

		console.log('\nn8n sees the package');
		const exported = path.join(work, 'nodes.json');
		const exportRun = await n8n(userFolder, ['export:nodes', `--output=${exported}`]);
		const nodeTypes = existsSync(exported)
			? (JSON.parse(readFileSync(exported, 'utf8')) as Array<{
					name: string;
					iconUrl?: { light: string; dark: string };
					usableAsTool?: boolean;
					displayName: string;
					codex?: { subcategories?: Record<string, string[]>; alias?: string[] };
				}>)
			: [];
		const ours = nodeTypes.filter((n) => n.name.startsWith(`${PACKAGE_NAME}.`));
		const expectedNodes = (packageJson.n8n.nodes as string[]).map((file) =>
			path.basename(file, '.node.js'),
		);
		// The AI sub-nodes plug into AI nodes themselves; as n8n's own, they have no tool variant.
		const subNodes = ['CohereChatModel', 'CohereEmbeddings', 'CohereReranker'];
		check(
			'export:nodes lists every node of the package (and the AI tool variant of each main node)',
			() => {
				const names = ours.map((n) => n.name).sort();
				for (const node of expectedNodes) {
					const name = `${PACKAGE_NAME}.${node[0].toLowerCase()}${node.slice(1)}`;
					expectTrue(names.includes(name), `${name} missing from ${names.join(', ')}`);
					if (subNodes.includes(node)) continue;
					expectTrue(
						names.includes(`${name}Tool`),
						`${name}Tool missing: usableAsTool not honoured`,
					);
				}
			},
		);
		check(
			'as n8n loaded them: main nodes filed as root nodes with their search words, embeddings and reranker as sub-nodes',
			() => {
				for (const node of expectedNodes) {
					const name = `${PACKAGE_NAME}.${node[0].toLowerCase()}${node.slice(1)}`;
					const codex = ours.find((n) => n.name === name)?.codex;
					const root = codex?.subcategories?.AI?.includes('Root Nodes') ?? false;
					// As n8n's own chat models, the chat model sub-node is listed in the main search too.
					const listedAsRoot = !subNodes.includes(node) || node === 'CohereChatModel';
					expectEqual([name, root], [name, listedAsRoot], 'filed as a root node');
					expectTrue(
						codex?.alias?.includes('cohere'),
						`${name}: aliases ${JSON.stringify(codex?.alias)}`,
					);
				}
			},
		);
		check('every node icon (light and dark) is a packed file', () => {
			for (const node of ours) {
				expectTrue(node.iconUrl, `${node.name} has no icon`);
				for (const url of [node.iconUrl!.light, node.iconUrl!.dark]) {
					const file = url.replace(`icons/${PACKAGE_NAME}/`, '');
					expectTrue(files.includes(file), `${node.name}: ${file} not packed`);
				}
			}
		});
		check('n8n logs no warning or error about the package while loading it', () => {
			const lines = packageLogLines(`${exportRun.stdout}\n${exportRun.stderr}`);
			expectEqual(lines, [], 'log lines');
		});

		console.log('\nCredentials and workflows imported with the n8n CLI');
		const credentialsFile = path.join(work, 'credentials.json');
		writeFileSync(credentialsFile, JSON.stringify(exampleCredentials(emulatorUrl)));
		const importCredentials = await n8n(userFolder, [
			'import:credentials',
			`--input=${credentialsFile}`,
		]);
		const importWorkflows = await n8n(userFolder, [
			'import:workflow',
			'--separate',
			`--input=${WORKFLOWS_DIR}`,
		]);
		check('import:credentials and import:workflow succeed', () => {
			expectTrue(
				importCredentials.status === 0,
				`${importCredentials.stdout}\n${importCredentials.stderr}`,
			);
			expectTrue(
				importWorkflows.status === 0,
				`${importWorkflows.stdout}\n${importWorkflows.stderr}`,
			);
		});
		const exportedCredentials = await n8n(userFolder, ['export:credentials', '--all']);
		check('the credential is stored encrypted', () => {
			expectTrue(exportedCredentials.status === 0, String(exportedCredentials.stderr));
			expectTrue(
				String(exportedCredentials.stdout).includes('e2eCohereGoodKey'),
				`the credential was not exported: ${exportedCredentials.stdout.slice(0, 500)}`,
			);
			expectTrue(
				!String(exportedCredentials.stdout).includes('test-key'),
				'the API key is visible in the stored credential',
			);
		});

		console.log('\nWorkflow "Cohere: List Models and Raw HTTP"');
		emulator.reset();
		const main = await execute(userFolder, 'e2eModelsRawHttp');
		checkRanWithoutError(main);
		check('List Chat Models: every chat model, pages of 4 followed to the end', () => {
			expectEqual(
				main.output('List Chat Models').map((i) => i.json.name),
				[
					'command-a-03-2025',
					'command-a-reasoning-08-2025',
					'command-a-vision-07-2025',
					'command-r-plus-08-2024',
					'command-r-08-2024',
					'command-r7b-12-2024',
					'c4ai-aya-expanse-32b',
					'command',
					'command-light',
				],
			);
			const chatPages = emulator
				.requestsTo('/v1/models')
				.filter((r) => r.query.endpoint === 'chat');
			expectEqual(
				chatPages.map((r) => r.query.page_token ?? null),
				[null, 'page-4', 'page-8'],
			);
		});
		check('requests carry the bearer key and the Client Name, to the /v1-stripped Base URL', () => {
			const request = emulator.requestsTo('/v1/models')[0];
			expectEqual(
				[request.headers.authorization, request.headers['x-client-name']],
				['Bearer test-key', 'n8n-e2e'],
			);
		});
		check('Get Embed Model', () =>
			expectEqual(
				main.output('Get Embed Model').map((i) => [i.json.name, i.json.default_endpoints]),
				[['embed-v4.0', ['embed']]],
			),
		);
		check('the documented List Models sample comes out unchanged', () => {
			const sample = (samples as Array<{ title: string; output: unknown }>).find(
				(s) => s.title === 'List Models',
			)!;
			expectEqual(
				main.output('Models Page (Documented Sample)').map((i) => i.json),
				[sample.output],
			);
		});
		check('Raw HTTP Chat: one answer per question, in order, paired to its item', () => {
			const items = main.output('Raw HTTP Chat');
			expectEqual(
				items.map((i) => [i.json.status, i.json.body.message.content[0].text, i.pairedItem]),
				[
					[200, 'Answer to: What is n8n?', { item: 0 }],
					[200, 'Answer to: What is Cohere Rerank?', { item: 1 }],
					[200, 'Answer to: How do embeddings work?', { item: 2 }],
				],
			);
			expectEqual(
				emulator.requestsTo('/v2/chat').map((r) => (r.body as any).model),
				['command-a-03-2025', 'command-a-03-2025', 'command-a-03-2025'],
			);
		});
		check(
			'Raw HTTP documented classify sample: body sent as given, its Authorization header ignored, sample output',
			() => {
				const sample = (samples as Array<{ title: string; input: any; output: any }>).find(
					(s) => s.title === 'Raw HTTP request (advanced)',
				)!;
				const [request] = emulator.requestsTo('/v1/classify');
				expectEqual(request.body, sample.input.body.raw, 'request body');
				expectEqual(request.headers.authorization, 'Bearer test-key', 'authorization');
				const [item] = main.output('Raw HTTP Classify (Documented Sample)');
				expectEqual(
					[item.json.status, item.json.body, item.json.headers['x-request-id']],
					[200, sample.output.body, sample.output.headers['X-Request-ID']],
				);
			},
		);
		check('Raw HTTP with "Return Error Responses as Items": the 404 is an item', () => {
			const [item] = main.output('Raw HTTP Unknown Model as Item');
			expectEqual(
				[item.json.status, item.json.body.message],
				[
					404,
					"model 'no-such-model' not found, make sure the correct model ID was used and that you have access to the model.",
				],
			);
		});
		check('the API key never appears in the execution output', () =>
			expectTrue(!main.log.includes('test-key'), 'test-key found in the output'),
		);

		console.log('\nWorkflow "Cohere: Chat in every form"');
		emulator.reset();
		const chat = await execute(userFolder, 'e2eCohereChat001');
		checkRanWithoutError(chat);
		check('Chat: one simplified answer per question, in order, paired', () => {
			expectEqual(
				chat.output('Chat').map((i) => [i.json.text, i.json.finish_reason, i.pairedItem]),
				[
					['Answer to: What is n8n?', 'COMPLETE', { item: 0 }],
					['Answer to: What is Cohere Rerank?', 'COMPLETE', { item: 1 }],
					['Answer to: How do embeddings work?', 'COMPLETE', { item: 2 }],
				],
			);
			const first = emulator
				.requestsTo('/v2/chat')
				.find((r) => JSON.stringify(r.body).includes('What is n8n?'));
			expectEqual((first?.body as any)?.messages, [
				{ role: 'system', content: 'Be brief.' },
				{ role: 'user', content: 'What is n8n?' },
			]);
		});
		check('Chat JSON Output: the parsed JSON is in the item', () => {
			expectEqual(chat.output('Chat JSON Output')[0]?.json.json, {
				answer: 'Give me JSON',
				length: 12,
			});
		});
		check('Chat With Documents: documents sent, citations with their sources out', () => {
			const [item] = chat.output('Chat With Documents');
			expectEqual(
				(item.json.citations as any[]).map((c) => c.sources[0].id),
				['doc:0', 'faq-1'],
			);
			const request = emulator.requestsTo('/v2/chat').find((r) => (r.body as any).documents);
			expectEqual(
				[(request?.body as any).documents, (request?.body as any).citation_options],
				[
					[
						'Refunds take 5 days.',
						{ id: 'faq-1', data: { title: 'FAQ', text: 'Shipping is free.' } },
					],
					{ mode: 'FAST' },
				],
			);
		});
		check('Chat With Image: the binary from n8n arrives as an image_url data URI', () => {
			const request = emulator
				.requestsTo('/v2/chat')
				.find((r) => (r.body as any).model === 'command-a-vision-07-2025');
			expectEqual((request?.body as any)?.messages?.[0]?.content?.[1], {
				type: 'image_url',
				image_url: { url: 'data:image/png;base64,AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=' },
			});
			expectEqual(
				chat.output('Chat With Image')[0]?.json.text,
				'Answer to: What is in this picture? (saw 1 image)',
			);
		});
		check('Gateway Chat With File: a file part at /api/v1/chat/completions', () => {
			const [request] = emulator.requestsTo('/api/v1/chat/completions');
			expectEqual((request?.body as any)?.messages?.[0]?.content?.[1], {
				type: 'file',
				file_name: 'photo.png',
				file: { file_data: 'data:image/png;base64,AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=' },
			});
			expectEqual(
				chat.output('Gateway Chat With File')[0]?.json.text,
				'Answer to: Describe the attached file. (with file)',
			);
		});
		check(
			'Chat v1 and Generate reproduce the documented samples (request bodies and outputs)',
			() => {
				const chatSample = (samples as Array<{ title: string; input: any; output: any }>).find(
					(s) => s.title === 'Generate Chat (Beta)',
				)!;
				const generateSample = (samples as Array<{ title: string; input: any; output: any }>).find(
					(s) => s.title === 'Generate Text',
				)!;
				expectEqual(
					emulator.requestsTo('/v1/chat').map((r) => r.body),
					[chatSample.input.body],
					'v1 chat body',
				);
				expectEqual(
					chat.output('Chat v1 (Documented Sample)').map((i) => i.json),
					[chatSample.output],
					'v1 chat output',
				);
				expectEqual(
					emulator.requestsTo('/v1/generate').map((r) => r.body),
					[generateSample.input.body],
					'generate body',
				);
				expectEqual(
					chat.output('Generate (Documented Sample)').map((i) => i.json),
					[generateSample.output],
					'generate output',
				);
			},
		);

		console.log('\nWorkflow "Cohere: Embed, Rerank and Embed Jobs"');
		emulator.reset();
		const corpus = await execute(userFolder, 'e2eEmbedRerankJb');
		const texts = [
			'red apples are sweet',
			'blue sky over the sea',
			'red apples',
			'green apples and pears',
			'a quiet harbour',
		];
		checkRanWithoutError(corpus);
		check(
			'Embed: 5 rows in one request, each row with its fields and a 256-dimension embedding',
			() => {
				const [request] = emulator.requestsTo('/v2/embed');
				expectEqual(
					[
						emulator.requestsTo('/v2/embed').length,
						(request?.body as any)?.texts,
						(request?.body as any)?.output_dimension,
					],
					[1, texts, 256],
				);
				const items = corpus.output('Embed');
				expectEqual(
					items.map((i) => [
						i.json.id,
						i.json.text,
						(i.json.embedding as number[])?.length,
						i.pairedItem,
					]),
					texts.map((text, i) => [`row-${i}`, text, 256, { item: i }]),
				);
			},
		);
		check('Embed via Gateway: /api/v1/embeddings, only the embedding per item', () => {
			const [request] = emulator.requestsTo('/api/v1/embeddings');
			expectEqual(
				[(request?.body as any)?.model, (request?.body as any)?.input_type],
				['cohere_english_v3', 'clustering'],
			);
			expectEqual(
				corpus.output('Embed via Gateway').map((i) => Object.keys(i.json)),
				texts.map(() => ['embedding']),
			);
		});
		check('Rerank: the top 3 rows, best first, with their fields, score and original index', () => {
			expectEqual(
				corpus
					.output('Rerank')
					.map((i) => [i.json.id, i.json.original_index, typeof i.json.relevance_score]),
				[
					['row-2', 2, 'number'],
					['row-0', 0, 'number'],
					['row-3', 3, 'number'],
				],
			);
		});
		check(
			'Embed Jobs: a dataset from the items, a job waited for, one item per embedded row',
			() => {
				const [upload] = emulator.requestsTo('/v1/datasets', 'POST');
				expectEqual(
					[upload?.queryAll?.name, upload?.queryAll?.keep_fields],
					[['e2e-corpus'], ['id']],
				);
				expectEqual(
					corpus.output('Dataset From Items').map((i) => i.json.validation_status),
					['validated'],
				);
				expectEqual(
					corpus
						.output('Embed Job')
						.map((i) => [
							i.json.id,
							i.json.text,
							((i.json.embeddings as any)?.float as number[])?.length,
						]),
					texts.map((text, i) => [`row-${i}`, text, 384]),
				);
				expectEqual(
					emulator.fileRequests.map((f) => f.authorization),
					[undefined],
					'Authorization on the part download',
				);
			},
		);

		console.log('\nWorkflow "Cohere: Classify, Summarize and Tokenize"');
		emulator.reset();
		const misc = await execute(userFolder, 'e2eClassSumToken');
		const sampleOf = (title: string) =>
			(samples as Array<{ title: string; input: any; output: any }>).find(
				(s) => s.title === title,
			)!;
		checkRanWithoutError(misc);
		check('Classify by Embeddings and with Chat label both texts correctly', () => {
			expectEqual(
				misc
					.output('Classify by Embeddings')
					.map((i) => [i.json.prediction, typeof i.json.confidence]),
				[
					['sports', 'number'],
					['cooking', 'number'],
				],
			);
			expectEqual(
				misc.output('Classify with Chat').map((i) => [i.json.prediction, i.json.confidence]),
				[
					['sports', null],
					['cooking', null],
				],
			);
		});
		check('Classify endpoint: the documented sample (request body and raw output)', () => {
			const { input, output } = sampleOf('Generate Classification');
			expectEqual(
				emulator.requestsTo('/v1/classify').map((r) => r.body),
				[input.body],
				'classify body',
			);
			expectEqual(
				misc.output('Classify Endpoint (Documented Sample)').map((i) => i.json),
				[output],
				'classify output',
			);
		});
		check(
			'Summarize: chat with the options as instructions, and the documented endpoint sample',
			() => {
				const { input, output } = sampleOf('Summarize Text');
				expectTrue(
					String(misc.output('Summarize with Chat')[0]?.json.summary).startsWith(
						'Answer to: Summarize this text:',
					),
					'chat summary',
				);
				expectEqual(
					emulator.requestsTo('/v1/summarize').map((r) => r.body),
					[input.body],
					'summarize body',
				);
				expectEqual(
					misc.output('Summarize Endpoint (Documented Sample)').map((i) => i.json),
					[output],
					'summarize output',
				);
			},
		);
		check('Tokenize: the documented sample; tokenize then detokenize', () => {
			const { input, output } = sampleOf('Generate Tokens');
			expectEqual(emulator.requestsTo('/v1/tokenize')[0]?.body, input.body, 'tokenize body');
			expectEqual(
				misc.output('Tokenize (Documented Sample)').map((i) => i.json),
				[output],
				'tokenize output',
			);
			expectEqual(
				misc.output('Tokenize').map((i) => i.json.token_count),
				[4],
			);
			const ids = misc.output('Tokenize')[0]?.json.tokens as number[];
			expectEqual(
				misc.output('Detokenize').map((i) => i.json.text),
				[ids.map((id) => `<${id}>`).join('')],
			);
		});

		console.log('\nCohere Transcribe: a voice note made by n8n\'s Convert to File');
		emulator.reset();
		const voice = await execute(userFolder, 'e2eCohereTranscribe');
		checkRanWithoutError(voice);
		check('the transcript of the voice note, sent as multipart with the language, .oga as .ogg', () => {
			expectEqual(
				voice.output('Cohere Transcribe').map((i) => i.json.text),
				['Hallo, ich rufe wegen der Rechnung an.'],
				'transcript',
			);
			const [request] = emulator.requestsTo('/v2/audio/transcriptions');
			expectTrue(request !== undefined, 'one transcription request');
			const raw = request.rawBody;
			expectTrue(
				raw.includes('name="language"\r\n\r\nde\r\n') &&
					raw.includes('name="model"\r\n\r\ncohere-transcribe-03-2026\r\n') &&
					raw.includes('filename="voice.ogg"\r\nContent-Type: audio/ogg'),
				`multipart form: ${raw.slice(0, 400)}`,
			);
		});

		console.log("\nn8n's AI Agent with the Cohere Command Chat Model and n8n's Calculator tool");
		emulator.reset();
		const agent = await execute(userFolder, 'e2eCohereAiAgent1');
		checkRanWithoutError(agent);
		check("the agent's answer uses the tool's result", () =>
			expectEqual(
				agent.output('AI Agent').map((i) => i.json.output),
				['Answer to: What is 6 * 7? (tool results: Calculator_0: [{"response":"42"}])'],
				'agent output',
			),
		);
		check(
			"round 1 sends the tool in Cohere's function format; round 2 sends the call back with its id and the tool message",
			() => {
				const [round1, round2] = emulator.requestsTo('/v2/chat').map((r) => r.body as any);
				expectEqual(emulator.requestsTo('/v2/chat').length, 2, 'chat requests');
				expectEqual(
					round1.tools.map((t: any) => [
						t.type,
						t.function.name,
						Object.keys(t.function.parameters.properties ?? {}),
					]),
					[['function', 'Calculator', ['input']]],
					'tools',
				);
				expectEqual(round1.temperature, 0.1, 'temperature');
				// n8n's agent rebuilds the assistant message from its own steps: the call keeps Cohere's id, its
				// arguments gain the id (n8n's doing), and the tool plan is not kept (Cohere does not need it).
				const [assistant, tool] = round2.messages.slice(-2);
				expectEqual(
					[
						assistant.role,
						assistant.tool_calls.map((c: any) => [
							c.id,
							c.type,
							c.function.name,
							JSON.parse(c.function.arguments).input,
						]),
					],
					['assistant', [['Calculator_0', 'function', 'Calculator', '6 * 7']]],
					'round 2 assistant message',
				);
				expectEqual(
					tool,
					{ role: 'tool', tool_call_id: 'Calculator_0', content: '[{"response":"42"}]' },
					'round 2 tool message',
				);
				expectEqual(
					emulator.requestsTo('/v2/chat').map((r) => r.headers.authorization),
					['Bearer test-key', 'Bearer test-key'],
					'authorization',
				);
			},
		);

		console.log('\nSimple Vector Store with Cohere Embeddings and the Cohere Reranker');
		emulator.reset();
		const rag = await execute(userFolder, 'e2eCohereVectorRag');
		checkRanWithoutError(rag);
		check('insert: 300 notes embedded as search_document, 96 per request', () => {
			const documents = emulator
				.requestsTo('/v2/embed')
				.map((r) => r.body as any)
				.filter((b) => b.input_type === 'search_document');
			expectEqual(
				documents.map((b) => [b.model, b.texts.length]),
				[
					['embed-v4.0', 96],
					['embed-v4.0', 96],
					['embed-v4.0', 96],
					['embed-v4.0', 12],
				],
				'document requests',
			);
			expectEqual(rag.output('Insert Notes').length, 300, 'inserted items');
		});
		check(
			'search: the query embedded as search_query, the hits reranked, best first, Top N 3',
			() => {
				const queries = emulator
					.requestsTo('/v2/embed')
					.map((r) => r.body as any)
					.filter((b) => b.input_type === 'search_query');
				expectEqual(
					queries.map((b) => b.texts),
					[['red apples']],
					'query requests',
				);
				const [rerank] = emulator.requestsTo('/v2/rerank').map((r) => r.body as any);
				expectEqual(
					[rerank?.model, rerank?.query, rerank?.documents.length, rerank?.top_n],
					['rerank-v4.0-pro', 'red apples', 20, 3],
					'rerank request',
				);
				const hits = rag
					.output('Search Notes')
					.map((i) => [i.json.document.pageContent, i.json.score]);
				expectEqual(hits.length, 3, 'hits');
				const scores = hits.map(([, score]) => score as number);
				expectEqual(
					[...scores].sort((a, b) => b - a),
					scores,
					'scores best first',
				);
				expectTrue(
					hits.every(([text]) => String(text).startsWith('red apples')),
					`hits: ${JSON.stringify(hits)}`,
				);
			},
		);
		check(
			'the sub-nodes show their runs in the execution (what they were asked, what they gave)',
			() => {
				const embedRuns = rag.runs('Cohere Embeddings');
				const rerankRuns = rag.runs('Cohere Reranker');
				expectTrue(embedRuns >= 2, `Cohere Embeddings runs: ${embedRuns}`);
				expectTrue(rerankRuns === 1, `Cohere Reranker runs: ${rerankRuns}`);
			},
		);

		console.log('\nWorkflows with a wrong API key');
		const continued = await execute(userFolder, 'e2eWrongKeyContin');
		check(
			"Continue On Fail: the 401 becomes an error item with Cohere's message, paired to its input",
			() => {
				const items = continued.output('List Models (Continue On Fail)');
				expectEqual(
					items.map((i) => [i.json.error, i.json.description, i.json.httpCode, i.pairedItem]),
					[
						[
							'Cohere rejected the API key (401): check the API Key in the Cohere API credential',
							'invalid api token',
							'401',
							{ item: 0 },
						],
					],
				);
			},
		);
		const stopped = await execute(userFolder, 'e2eWrongKeyStops1');
		check('without it, the execution fails with the 401 in plain words', () => {
			expectTrue(stopped.status !== 0, `n8n execute exited with ${stopped.status}`);
			expectTrue(
				stopped.log.includes('Cohere rejected the API key (401)'),
				stopped.log.slice(-1500),
			);
		});
		check('the wrong key is not echoed anywhere', () =>
			expectTrue(
				!`${continued.log}${stopped.log}`.includes('wrong-key'),
				'wrong-key found in the output',
			),
		);

		console.log('\nThe n8n server (editor API)');
		// The streaming agent answers a Chat Trigger: it runs once its workflow is published (active).
		const published = await n8n(userFolder, ['publish:workflow', '--id=e2eCohereAgentStrm']);
		server = await startServer(userFolder, 5600 + Math.floor(Math.random() * 300));
		const setup = await fetch(`${server.base}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				email: 'e2e@example.com',
				firstName: 'E2E',
				lastName: 'Test',
				password: 'E2e-password-1',
			}),
		});
		const cookie = (setup.headers.get('set-cookie') ?? '').split(';')[0];
		const api = async (method: string, route: string, body?: unknown) => {
			const response = await fetch(`${server!.base}${route}`, {
				method,
				headers: { 'content-type': 'application/json', cookie },
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			const text = await response.text();
			try {
				return JSON.parse(text) as any;
			} catch {
				throw new Error(
					`${method} ${route}: HTTP ${response.status}, not JSON: ${text.slice(0, 500)}`,
				);
			}
		};
		const credentialTypes = (await api('GET', '/types/credentials.json')) as Array<{
			name: string;
			displayName: string;
			iconUrl?: unknown;
		}>;
		check(
			"the editor lists our credential type under its own name (not n8n's 'Cohere API'), with its icon",
			() => {
				const type = credentialTypes.find((c) => c.name === 'cohereBearerApi');
				expectTrue(
					type?.displayName === 'Cohere (Base URL, Client Name) API',
					`credential type: ${JSON.stringify(type)}`,
				);
				expectTrue(type?.iconUrl, 'credential icon missing');
			},
		);
		const iconUrl = ours[0]?.iconUrl?.light ?? '';
		const icon = await fetch(`${server.base}/${iconUrl}`);
		const iconBody = await icon.text();
		check('the editor serves the node icon', () =>
			expectTrue(icon.ok && iconBody.includes('<svg'), `GET /${iconUrl}: ${icon.status}`),
		);

		const created = await api('POST', '/rest/credentials', {
			name: 'Cohere emulator (test)',
			type: 'cohereBearerApi',
			data: { apiKey: 'test-key', baseUrl: emulatorUrl },
		});
		const credentialTest = (apiKey: string) =>
			api('POST', '/rest/credentials/test', {
				credentials: {
					id: created.data.id,
					name: 'Cohere emulator (test)',
					type: 'cohereBearerApi',
					data: { apiKey, baseUrl: `${emulatorUrl}/v1` },
				},
			});
		const good = await credentialTest('test-key');
		const bad = await credentialTest('wrong-key');
		check('credential test in the editor: a valid key passes', () =>
			expectEqual(good.data, { status: 'OK', message: 'Connection successful!' }),
		);
		check("credential test in the editor: a wrong key fails with Cohere's message", () => {
			expectEqual(bad.data?.status, 'Error', 'status');
			expectTrue(
				String(bad.data?.message).includes('invalid api token'),
				`message: ${bad.data?.message}`,
			);
		});
		emulator.addFault({ path: '/v1/models', kind: 'html' });
		const notCohere = await credentialTest('test-key');
		check(
			'credential test in the editor: an HTML page (a wrong Base URL) fails pointing at the Base URL',
			() => {
				expectEqual(
					notCohere.data,
					{
						status: 'Error',
						message:
							"The Base URL answered, but not like the Cohere API (no models list on /v1/models). Check the Base URL: https://api.cohere.com, or your gateway's Cohere-compatible address.",
					},
					'credential test answer',
				);
			},
		);
		emulator.addFault({
			path: '/v1/models',
			status: 302,
			headers: { location: 'http://127.0.0.2:9/v1/models' },
		});
		const redirected = await credentialTest('test-key');
		check('credential test in the editor: a redirect is not followed, and says so', () => {
			expectEqual(
				redirected.data,
				{
					status: 'Error',
					message:
						'The Base URL redirects elsewhere (302). The API key is only sent to the Base URL itself: set the Base URL to the address it redirects to.',
				},
				'credential test answer',
			);
		});
		const dropdown = await api('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			path: 'parameters.model',
			nodeTypeAndVersion: { name: `${PACKAGE_NAME}.cohereChat`, version: 1 },
			currentNodeParameters: { api: 'v2' },
			methodName: 'searchChatModels',
			filter: 'command-r',
			credentials: { cohereBearerApi: { id: created.data.id, name: 'Cohere emulator (test)' } },
		});
		check('the model dropdown fills in the editor (Chat, filtered by "command-r")', () => {
			expectEqual(
				(dropdown.data?.results ?? []).map((r: { value: string }) => r.value),
				['command-r-08-2024', 'command-r-plus-08-2024', 'command-r7b-12-2024'],
				`dropdown answer ${JSON.stringify(dropdown).slice(0, 300)}`,
			);
		});
		emulator.reset();
		const streamed = await chatMessage(server.base, 'cohere-e2e-agent-stream', 'What is 6 * 7?');
		check(
			'the AI Agent streams the Cohere Command Chat Model to the chat, through a tool round',
			() => {
				expectTrue(
					published.status === 0,
					`publish:workflow: ${published.stdout}${published.stderr}`,
				);
				expectEqual(streamed.status, 200, 'chat webhook status');
				expectEqual(
					streamed.items.join(''),
					'Answer to: What is 6 * 7? (tool results: Calculator_0: [{"response":"42"}])',
					'streamed answer',
				);
				expectTrue(streamed.items.length > 1, `answer came in ${streamed.items.length} chunk(s)`);
				const bodies = emulator.requestsTo('/v2/chat').map((r) => r.body as any);
				expectEqual(
					bodies.map((b) => [b.stream, b.messages.at(-1).role, b.messages.at(-1).tool_call_id]),
					[
						[true, 'user', undefined],
						[true, 'tool', 'Calculator_0'],
					],
					'streaming requests',
				);
			},
		);
		check('n8n logged no warning or error about the package while serving', () => {
			const lines = packageLogLines(server!.log());
			expectEqual(lines, [], 'log lines');
		});
	} finally {
		server?.child.kill();
		await emulator.stop();
		if (failed === 0) rmSync(work, { recursive: true, force: true });
		else console.log(`\nkept ${work} for inspection`);
	}

	console.log(
		`\n${passed} passed, ${failed} failed (${Math.round((Date.now() - started) / 1000)} s, workflows: ${readdirSync(WORKFLOWS_DIR).length})`,
	);
	process.exitCode = failed === 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
