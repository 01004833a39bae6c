/* The e2e scenarios: each imports or runs saved workflows in the real n8n and checks the items and the
 * requests the emulator received. The full suite (run.ts) runs them all on the current n8n; the
 * compatibility suite (compat.ts) runs them on older n8n versions too, so that both say the same. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { sample } from '../fixtures';
import type { CohereEmulator } from '../emulator/server';
import {
	check,
	checkRanWithoutError,
	execute,
	expectEqual,
	expectTrue,
	packageLogLines,
} from './checks';
import { AI_NODE_SDK_REQUIRED } from '../../nodes/shared/run/aiNodeSdk';
import { exampleCredentials, n8n, PACKAGE_NAME, ROOT, WORKFLOWS_DIR } from './n8n-runtime';

/** One n8n user folder with the package installed, the emulator, and the n8n version that runs them. */
export interface Scenario {
	work: string;
	userFolder: string;
	emulator: CohereEmulator;
	emulatorUrl: string;
	version: string;
}

/**
 * `n8n export:nodes` on the installed package: every node type loads (with its AI tool variant), filed and
 * iconed as intended, and n8n logs nothing about the package. `hasSdk`: whether this n8n provides
 * `@n8n/ai-node-sdk`, which decides whether the chat model panel shows its notice.
 */
export async function checkNodeTypes(scenario: Scenario, files: string[], hasSdk: boolean) {
	const { work, userFolder, version } = scenario;
	console.log('\nn8n sees the package');
	const exported = path.join(work, 'nodes.json');
	const exportRun = await n8n(userFolder, ['export:nodes', `--output=${exported}`], version);
	const nodeTypes = existsSync(exported)
		? (JSON.parse(readFileSync(exported, 'utf8')) as Array<{
				name: string;
				iconUrl?: { light: string; dark: string };
				usableAsTool?: boolean;
				displayName: string;
				codex?: { subcategories?: Record<string, string[]>; alias?: string[] };
				properties?: Array<{ name: string; type: string; displayName: string }>;
			}>)
		: [];
	const ours = nodeTypes.filter((n) => n.name.startsWith(`${PACKAGE_NAME}.`));
	const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
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
				expectTrue(names.includes(`${name}Tool`), `${name}Tool missing: usableAsTool not honoured`);
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
	check(
		hasSdk
			? 'with the SDK: no notice on the chat model panel'
			: 'without the SDK: the chat model panel opens with a notice that it needs n8n 2.16 or newer',
		() => {
			const chatModel = ours.find((n) => n.name === `${PACKAGE_NAME}.cohereChatModel`);
			const notices = (chatModel?.properties ?? [])
				.filter((p) => p.type === 'notice')
				.map((p) => p.displayName);
			expectEqual(notices, hasSdk ? [] : [AI_NODE_SDK_REQUIRED], 'notices');
			const [first] = chatModel?.properties ?? [];
			if (!hasSdk) expectEqual(first?.name, 'aiNodeSdkNotice', 'first field');
		},
	);
	return ours;
}

/** Imports the encrypted credentials and every saved workflow with the n8n CLI. */
export async function importFixtures(scenario: Scenario) {
	const { work, userFolder, emulatorUrl, version } = scenario;
	console.log('\nCredentials and workflows imported with the n8n CLI');
	const credentialsFile = path.join(work, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(exampleCredentials(emulatorUrl)));
	const importCredentials = await n8n(
		userFolder,
		['import:credentials', `--input=${credentialsFile}`],
		version,
	);
	const importWorkflows = await n8n(
		userFolder,
		['import:workflow', '--separate', `--input=${WORKFLOWS_DIR}`],
		version,
	);
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
	const exportedCredentials = await n8n(userFolder, ['export:credentials', '--all'], version);
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
}

export async function modelsAndRawHttp(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nWorkflow "Cohere: List Models and Raw HTTP"');
	emulator.reset();
	const main = await execute(userFolder, 'e2eModelsRawHttp', version);
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
		const chatPages = emulator.requestsTo('/v1/models').filter((r) => r.query.endpoint === 'chat');
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
		const listModels = sample('List Models');
		expectEqual(
			main.output('Models Page (Documented Sample)').map((i) => i.json),
			[listModels.output],
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
			const rawHttp = sample('Raw HTTP request (advanced)');
			const [request] = emulator.requestsTo('/v1/classify');
			expectEqual(request.body, rawHttp.input.body.raw, 'request body');
			expectEqual(request.headers.authorization, 'Bearer test-key', 'authorization');
			const [item] = main.output('Raw HTTP Classify (Documented Sample)');
			expectEqual(
				[item.json.status, item.json.body, item.json.headers['x-request-id']],
				[200, rawHttp.output.body, rawHttp.output.headers['X-Request-ID']],
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
}

export async function chatInEveryForm(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nWorkflow "Cohere: Chat in every form"');
	emulator.reset();
	const chat = await execute(userFolder, 'e2eCohereChat001', version);
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
			const chatSample = sample('Generate Chat (Beta)');
			const generateSample = sample('Generate Text');
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
}

export async function embedRerankEmbedJobs(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nWorkflow "Cohere: Embed, Rerank and Embed Jobs"');
	emulator.reset();
	const corpus = await execute(userFolder, 'e2eEmbedRerankJb', version);
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
		'Embed Jobs: a dataset from the items, a job waited for, one item per embedded row (read from an Avro part)',
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
				emulator.fileRequests.map((f) => [f.authorization, f.path.endsWith('.avro')]),
				[[undefined, true]],
				'the part download: no Authorization, an Avro file as Cohere serves them',
			);
		},
	);
}

export async function classifySummarizeTokenize(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nWorkflow "Cohere: Classify, Summarize and Tokenize"');
	emulator.reset();
	const misc = await execute(userFolder, 'e2eClassSumToken', version);
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
		const { input, output } = sample('Generate Classification');
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
			const { input, output } = sample('Summarize Text');
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
		const { input, output } = sample('Generate Tokens');
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
}

export async function transcribe(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log("\nCohere Transcribe: a voice note made by n8n's Convert to File");
	emulator.reset();
	// A gateway's 429 that asks for 1.2 s: waited out, and the node says so as an execution hint.
	emulator.addFault({
		path: '/v2/audio/transcriptions',
		status: 429,
		headers: { 'retry-after-ms': '1200' },
	});
	const voice = await execute(userFolder, 'e2eCohereTranscribe', version);
	checkRanWithoutError(voice);
	check("the wait for the rate limit is told as an execution hint, with the limit's endpoint", () =>
		expectTrue(
			voice
				.hints('Cohere Transcribe')
				.some(
					(hint) =>
						/^Paced by Cohere's rate limit: requests waited 1 s in all/.test(hint.message) &&
						hint.message.includes('POST /v2/audio/transcriptions'),
				),
			`hints: ${JSON.stringify(voice.hints('Cohere Transcribe'))}`,
		),
	);
	check(
		'the transcript of the voice note, sent as multipart with the language, .oga as .ogg',
		() => {
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
		},
	);
}

export async function aiAgent(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log("\nn8n's AI Agent with the Cohere Command Chat Model and n8n's Calculator tool");
	emulator.reset();
	const agent = await execute(userFolder, 'e2eCohereAiAgent1', version);
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
}

export async function vectorStore(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nSimple Vector Store with Cohere Embeddings and the Cohere Reranker');
	emulator.reset();
	const rag = await execute(userFolder, 'e2eCohereVectorRag', version);
	checkRanWithoutError(rag);
	check('insert: 300 notes embedded as search_document, 96 per request', () => {
		const documents = emulator
			.requestsTo('/v2/embed')
			.map((r) => r.body as any)
			.filter((b) => b.input_type === 'search_document');
		// Sent several at once, so they may arrive in any order.
		expectEqual(
			documents.map((b) => [b.model, b.texts.length]).sort((a, b) => b[1] - a[1]),
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
}

export async function wrongApiKey(scenario: Scenario) {
	const { userFolder, version } = scenario;
	console.log('\nWorkflows with a wrong API key');
	const continued = await execute(userFolder, 'e2eWrongKeyContin', version);
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
	const stopped = await execute(userFolder, 'e2eWrongKeyStops1', version);
	check('without it, the execution fails with the 401 in plain words', () => {
		expectTrue(stopped.status !== 0, `n8n execute exited with ${stopped.status}`);
		expectTrue(stopped.log.includes('Cohere rejected the API key (401)'), stopped.log.slice(-1500));
	});
	check('the wrong key is not echoed anywhere', () =>
		expectTrue(
			!`${continued.log}${stopped.log}`.includes('wrong-key'),
			'wrong-key found in the output',
		),
	);
}

/**
 * n8n's Basic LLM Chain with the Cohere Command Chat Model. Where n8n provides the SDK, the answer; where it
 * does not (n8n 1.x, 2.0–2.15), the run fails with the sentence the chat model's panel shows, sending nothing.
 */
export async function llmChain(scenario: Scenario, hasSdk: boolean) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nBasic LLM Chain with the Cohere Command Chat Model');
	emulator.reset();
	const chain = await execute(userFolder, 'e2eCohereLlmChain1', version);
	if (hasSdk) {
		checkRanWithoutError(chain);
		check('the chain answers through the chat model, with its options in the request', () => {
			expectEqual(
				chain.output('Basic LLM Chain').map((i) => i.json.text),
				['Answer to: What is n8n?'],
				'chain output',
			);
			expectEqual(
				emulator.requestsTo('/v2/chat').map((r) => {
					const body = r.body as any;
					return [body.model, body.max_tokens, body.messages.at(-1)];
				}),
				[['command-a-03-2025', 200, { role: 'user', content: 'What is n8n?' }]],
				'chat requests',
			);
		});
		return;
	}
	check(
		'without the SDK: the run fails with the sentence the panel shows, and sends nothing',
		() => {
			expectTrue(chain.read, `no run data could be read:\n${chain.log.slice(-2000)}`);
			// n8n reports it on the chain ("Error in sub-node ...") or on the sub-node, by version.
			const message = [
				chain.error,
				chain.nodeError('Basic LLM Chain'),
				chain.nodeError('Cohere Command Chat Model'),
			]
				.flatMap((error) => [error?.message, error?.description])
				.filter(Boolean)
				.join(' | ');
			expectTrue(message.includes(AI_NODE_SDK_REQUIRED), `error: ${message}`);
			expectEqual(emulator.requests.length, 0, 'requests to the emulator');
		},
	);
}

/** The main nodes' saved workflows: the same in the full suite and on every older n8n. */
export async function batchChat(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nCohere Batch: a sheet of tickets through one batch');
	emulator.reset();
	const run = await execute(userFolder, 'e2eCohereBatch01', version);
	const texts = [
		'My invoice is wrong',
		'Wo ist mein Paket? 📦',
		'please fail-record this one',
		'Cancel my plan',
	];
	checkRanWithoutError(run);
	check('one batch-chat-v2-input dataset with one exact record per item, then one batch', () => {
		const uploads = emulator.requestsTo('/v1/datasets', 'POST');
		expectEqual(
			[uploads.length, uploads[0]?.queryAll?.type, uploads[0]?.queryAll?.keep_fields],
			[1, ['batch-chat-v2-input'], ['custom_id']],
		);
		const records = (/\r\n\r\n([\s\S]*?)\r\n--/.exec(uploads[0]?.rawBody ?? '')?.[1] ?? '')
			.trim()
			.split('\n')
			.map((line) => JSON.parse(line));
		expectEqual(
			records,
			texts.map((text, index) => ({
				custom_id: String(index),
				body: {
					messages: [
						{
							role: 'system',
							content: [{ type: 'text', text: 'Name the topic of this support ticket.' }],
						},
						{ role: 'user', content: [{ type: 'text', text }] },
					],
					temperature: 0.2,
					max_tokens: 40,
				},
			})),
		);
		const batches = emulator.requestsTo('/v2/batches', 'POST');
		expectEqual(
			[batches.length, (batches[0]?.body as any)?.name, (batches[0]?.body as any)?.model],
			[1, 'e2e-tickets', 'command-a-03-2025'],
		);
	});
	check(
		'each answer on its own item, the failed record an error item in its place (Avro output, no key sent)',
		() => {
			const items = run.output('Cohere Batch');
			const failed = /^Cohere could not answer item 2 in batch batch-/;
			expectEqual(
				items.map((i) => [
					i.json.text ?? (failed.test(String(i.json.error)) ? 'error for item 2' : i.json.error),
					i.pairedItem,
				]),
				[
					['Answer to: My invoice is wrong', { item: 0 }],
					['Answer to: Wo ist mein Paket? 📦', { item: 1 }],
					['error for item 2', { item: 2 }],
					['Answer to: Cancel my plan', { item: 3 }],
				],
			);
			expectEqual(
				emulator.fileRequests.map((r) => [/\.avro$/.test(r.path), r.authorization]),
				[[true, undefined]],
			);
		},
	);
}

export const MAIN_NODE_SCENARIOS = [
	modelsAndRawHttp,
	chatInEveryForm,
	embedRerankEmbedJobs,
	classifySummarizeTokenize,
	transcribe,
	batchChat,
	wrongApiKey,
];
