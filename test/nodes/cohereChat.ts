/* What the tests know of this node: the words that find it, its panels, its subtitles, parameters that run. */
import { byId } from '../fixtures';
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['chat'],
	panels: [
		{
			form: { api: 'v2' },
			fields: [
				'api',
				'model',
				'inputMode',
				'prompt',
				'systemMessage',
				'images',
				'documents',
				'citationMode',
				'tools',
				'toolChoice',
				'strictTools',
				'responseFormat',
				'simplify',
				'options',
			],
		},
		{
			form: { api: 'v1' },
			fields: [
				'api',
				'chatV1Model',
				'message',
				'preamble',
				'chatHistory',
				'documents',
				'connectors',
				'simplify',
				'options',
			],
		},
		{
			form: { api: 'generate' },
			fields: ['api', 'generateModel', 'completionPrompt', 'simplify', 'options'],
		},
		{
			form: { api: 'openai' },
			fields: [
				'api',
				'compatibleModel',
				'compatiblePath',
				'inputMode',
				'prompt',
				'systemMessage',
				'images',
				'files',
				'tools',
				'toolChoice',
				'responseFormat',
				'simplify',
				'options',
			],
		},
	],
	subtitles: [[{}, 'Chat']],
	working: {
		name: 'Chat',
		parameters: { api: 'v2', model: byId('command-a-03-2025'), prompt: '={{ $json.text }}' },
		batching: true,
	},
};
