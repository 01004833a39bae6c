import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { modelLocator } from '../shared/descriptions';
import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/helpers/processItems';
import { router } from './actions/router';
import { optionsDescription } from './actions/options.description';

export class CohereClassify implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Classify',
		name: 'cohereClassify',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ { embeddings: "Classify by embeddings", chat: "Classify with chat", endpoint: "Classify endpoint (legacy)" }[$parameter["method"]] }}',
		description:
			'Label texts from a few examples, with Cohere embeddings, a chat model, or the legacy classify endpoint',
		defaults: { name: 'Cohere Classify' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties: [
			{
				displayName: 'Method',
				name: 'method',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Embeddings (Recommended)',
						value: 'embeddings',
						description: "Nearest label by the examples' embeddings, with confidences",
					},
					{
						name: 'Chat',
						value: 'chat',
						description: 'A chat model picks one of the labels, few-shot from the examples',
					},
					{
						name: 'Classify Endpoint (Legacy, Fine-Tuned Models)',
						value: 'endpoint',
						description: 'POST /v1/classify, deprecated by Cohere on 2025-09-15',
					},
				],
				default: 'embeddings',
			},
			modelLocator('searchEmbedModels', 'embed-v4.0', {
				displayOptions: { show: { method: ['embeddings'] } },
			}),
			modelLocator('searchChatModels', 'command-a-03-2025', {
				name: 'chatModel',
				displayOptions: { show: { method: ['chat'] } },
			}),
			modelLocator('searchClassifyModels', 'embed-english-v3.0', {
				name: 'classifyModel',
				displayOptions: { show: { method: ['endpoint'] } },
				hint: 'Cohere deprecated /v1/classify on 2025-09-15; the Embeddings method works with current models. Fine-tuned classifiers and private deployments may still serve it.',
			}),
			{
				displayName: 'Input',
				name: 'input',
				type: 'string',
				default: '={{ $json.text }}',
				required: true,
				description: 'The text of each item to classify',
			},
			{
				displayName: 'Examples From',
				name: 'examplesSource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'List Below', value: 'list' },
					{
						name: 'Expression',
						value: 'json',
						description: 'An array of {"text", "label"} objects',
					},
				],
				default: 'list',
			},
			{
				displayName: 'Examples',
				name: 'examples',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Example',
				default: {},
				description: 'Labelled texts: at least 2 labels, and at least 2 examples per label',
				displayOptions: { show: { examplesSource: ['list'] } },
				options: [
					{
						displayName: 'Example',
						name: 'values',
						values: [
							{ displayName: 'Text', name: 'text', type: 'string', default: '' },
							{ displayName: 'Label', name: 'label', type: 'string', default: '' },
						],
					},
				],
			},
			{
				displayName: 'Examples (JSON)',
				name: 'examplesJson',
				type: 'json',
				default:
					'[{"text": "I love it", "label": "positive"}, {"text": "Great service", "label": "positive"}, {"text": "It broke", "label": "negative"}, {"text": "Too slow", "label": "negative"}]',
				displayOptions: { show: { examplesSource: ['json'] } },
			},
			{
				displayName: 'Simplify Output',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description:
					'Whether to return one classification per item (off, with the endpoint method: the API response of each request)',
			},
			optionsDescription,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
