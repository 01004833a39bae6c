import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereTranscribe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Transcribe',
		name: 'cohereTranscribe',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["api"] === "openai" ? "Transcribe (OpenAI-compatible)" : "Transcribe audio" }}',
		description:
			'Speech to text: the transcript of each item’s audio file (voice notes, recordings, calls) with Cohere Transcribe',
		defaults: { name: 'Cohere Transcribe' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions) {
		return await runNode.call(this, router);
	}
}
