/* The AI sub-nodes in n8n's own AI nodes: the AI Agent, a vector store, a chain (or the notice without the SDK). */
import { check, expectEqual, expectTrue } from '../../checks';
import { checkRanWithoutError, execute } from '../checks';
import { AI_NODE_SDK_REQUIRED } from '../../../nodes/shared/run/aiNodeSdk';
import type { Scenario } from './types';

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
