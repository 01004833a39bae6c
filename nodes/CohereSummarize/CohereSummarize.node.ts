import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { modelLocator } from '../shared/descriptions';
import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/helpers/processItems';
import { router } from './actions/router';
import { optionsDescription } from './actions/options.description';

export class CohereSummarize implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Summarize',
		name: 'cohereSummarize',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["method"] === "endpoint" ? "Summarize endpoint (legacy)" : "Summarize with chat" }}',
		description: 'Summarize texts with a Cohere chat model, or the legacy summarize endpoint',
		defaults: { name: 'Cohere Summarize' },
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
						name: 'Chat (Recommended)',
						value: 'chat',
						description: 'A chat model follows the summary options as instructions',
					},
					{
						name: 'Summarize Endpoint (Legacy)',
						value: 'endpoint',
						description: 'POST /v1/summarize, deprecated by Cohere on 2025-09-15',
					},
				],
				default: 'chat',
			},
			modelLocator('searchChatModels', 'command-a-03-2025', {
				displayOptions: { show: { method: ['chat'] } },
			}),
			modelLocator('searchSummarizeModels', 'command', {
				name: 'summarizeModel',
				displayOptions: { show: { method: ['endpoint'] } },
				hint: 'Cohere deprecated /v1/summarize on 2025-09-15; the Chat method works with current models. Private deployments may still serve it.',
			}),
			{
				displayName: 'Text',
				name: 'text',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '={{ $json.text }}',
				required: true,
				description: 'The text to summarize (the endpoint needs at least 250 characters)',
			},
			{
				displayName: 'Length',
				name: 'length',
				type: 'options',
				options: [
					{ name: 'Auto', value: 'auto' },
					{ name: 'Long', value: 'long' },
					{ name: 'Medium', value: 'medium' },
					{ name: 'Short', value: 'short' },
				],
				default: 'auto',
			},
			{
				displayName: 'Format',
				name: 'format',
				type: 'options',
				options: [
					{ name: 'Auto', value: 'auto' },
					{ name: 'Bullets', value: 'bullets' },
					{ name: 'Paragraph', value: 'paragraph' },
				],
				default: 'auto',
			},
			{
				displayName: 'Extractiveness',
				name: 'extractiveness',
				type: 'options',
				options: [
					{ name: 'Auto', value: 'auto' },
					{ name: 'High', value: 'high', description: 'Reuse sentences of the text' },
					{ name: 'Low', value: 'low', description: 'Paraphrase' },
					{ name: 'Medium', value: 'medium' },
				],
				default: 'auto',
			},
			{
				displayName: 'Additional Instructions',
				name: 'additionalCommand',
				type: 'string',
				default: '',
				placeholder: 'e.g. focusing on the next steps',
				description: 'Free-form instructions for the summary (additional_command)',
			},
			{
				displayName: 'Simplify Output',
				name: 'simplify',
				type: 'boolean',
				default: true,
				description: 'Whether to return {summary, usage} instead of the API response body',
			},
			optionsDescription,
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
