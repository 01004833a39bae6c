/* The workflows the queue-mode suite publishes: each starts from a webhook, so that the main process takes the
 * call and a worker runs the execution, and answers when its last node is done. */

import { EMULATOR_CREDENTIAL } from '../fixtures';

const credentials = EMULATOR_CREDENTIAL;
const model = (value: string) => ({ __rl: true, mode: 'list', value });

function webhook(path: string, webhookNumber: number, responseData = 'firstEntryJson') {
	return {
		id: 'w',
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `5b0c0a8e-0000-4000-8000-${String(webhookNumber).padStart(12, '0')}`,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', responseData, options: {} },
	};
}

const main = (node: string, index = 0) => ({ node, type: 'main', index });

/** The load workflow in two settings: Auto (the default), and Concurrent Requests pinned to 1. */
export const EMBED_AND_CHAT = { id: 'queueEmbedChat01', path: 'cohere-queue' };
export const EMBED_AND_CHAT_PINNED = { id: 'queueEmbedChat02', path: 'cohere-queue-pinned' };
/** What the pinned setting adds to both nodes' Options: one request at a time, and retries for its 429s. */
const PINNED_OPTIONS = { concurrency: 1, maxRetries: 10 };
export const BINARY = { id: 'queueBinaryData1', path: 'cohere-queue-binary' };
export const AGENT = { id: 'queueAiAgent0001', path: 'cohere-queue-agent' };

/** Each call: its rows embedded (Cohere Embed, all at once) and its prompts answered (Cohere Chat, per item). */
const embedAndChat = (
	{ id, path }: { id: string; path: string },
	webhookNumber: number,
	options: Record<string, unknown> = {},
) => ({
	id,
	name: `Queue: embed the rows and answer the prompts (${path})`,
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		webhook(path, webhookNumber),
		{
			id: 's1',
			name: 'Rows',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [250, -100],
			parameters: { fieldToSplitOut: 'body.rows', options: {} },
		},
		{
			id: 'e1',
			name: 'Cohere Embed',
			type: 'n8n-nodes-cohere.cohereEmbed',
			typeVersion: 1,
			position: [500, -100],
			parameters: {
				model: model('embed-v4.0'),
				text: '={{ $json.text }}',
				options: { outputDimension: '256', ...options },
			},
			credentials,
		},
		{
			id: 's2',
			name: 'Prompts',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [250, 100],
			parameters: { fieldToSplitOut: 'body.prompts', options: {} },
		},
		{
			id: 'c1',
			name: 'Cohere Chat',
			type: 'n8n-nodes-cohere.cohereChat',
			typeVersion: 1,
			position: [500, 100],
			parameters: {
				model: model('command-a-03-2025'),
				prompt: '={{ $json.prompt }}',
				options,
			},
			credentials,
		},
		{
			id: 'm1',
			name: 'Merge',
			type: 'n8n-nodes-base.merge',
			typeVersion: 3,
			position: [750, 0],
			parameters: {},
		},
	],
	connections: {
		Webhook: { main: [[main('Rows'), main('Prompts')]] },
		Rows: { main: [[main('Cohere Embed')]] },
		Prompts: { main: [[main('Cohere Chat')]] },
		'Cohere Embed': { main: [[main('Merge', 0)]] },
		'Cohere Chat': { main: [[main('Merge', 1)]] },
	},
});

/** Binary data across processes: the files arrive at the main process, a worker reads them. */
const binary = {
	id: BINARY.id,
	name: 'Queue: transcribe a voice note and look at a photo',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		webhook(BINARY.path, 3, 'allEntries'),
		{
			id: 't1',
			name: 'Cohere Transcribe',
			type: 'n8n-nodes-cohere.cohereTranscribe',
			typeVersion: 1,
			position: [300, -100],
			parameters: {
				model: model('cohere-transcribe-03-2026'),
				binaryPropertyName: 'audio',
				language: 'de',
				options: {},
			},
			credentials,
		},
		{
			id: 'c1',
			name: 'Chat With Image',
			type: 'n8n-nodes-cohere.cohereChat',
			typeVersion: 1,
			position: [300, 100],
			parameters: {
				model: model('command-a-vision-07-2025'),
				prompt: 'What is in this picture?',
				images: 'photo',
			},
			credentials,
		},
		{
			id: 'm1',
			name: 'Merge',
			type: 'n8n-nodes-base.merge',
			typeVersion: 3,
			position: [600, 0],
			parameters: {},
		},
	],
	connections: {
		Webhook: { main: [[main('Cohere Transcribe'), main('Chat With Image')]] },
		'Cohere Transcribe': { main: [[main('Merge', 0)]] },
		'Chat With Image': { main: [[main('Merge', 1)]] },
	},
};

/** n8n's AI Agent with our chat model and n8n's Calculator, run by a worker. */
const agent = {
	id: AGENT.id,
	name: 'Queue: the AI Agent with the Cohere Command Chat Model',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		webhook(AGENT.path, 4),
		{
			id: 'a1',
			name: 'AI Agent',
			type: '@n8n/n8n-nodes-langchain.agent',
			typeVersion: 3.1,
			position: [300, 0],
			parameters: { promptType: 'define', text: '={{ $json.body.question }}', options: {} },
		},
		{
			id: 'm1',
			name: 'Cohere Command Chat Model',
			type: 'n8n-nodes-cohere.cohereChatModel',
			typeVersion: 1,
			position: [200, 250],
			parameters: { model: model('command-a-03-2025'), options: {} },
			credentials,
		},
		{
			id: 'k1',
			name: 'Calculator',
			type: '@n8n/n8n-nodes-langchain.toolCalculator',
			typeVersion: 1,
			position: [450, 250],
			parameters: {},
		},
	],
	connections: {
		Webhook: { main: [[main('AI Agent')]] },
		'Cohere Command Chat Model': {
			ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
		},
		Calculator: { ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]] },
	},
};

export const QUEUE_WORKFLOWS = [
	embedAndChat(EMBED_AND_CHAT, 1),
	embedAndChat(EMBED_AND_CHAT_PINNED, 2, PINNED_OPTIONS),
	binary,
	agent,
];
