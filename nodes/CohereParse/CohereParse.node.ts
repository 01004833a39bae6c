import type { IExecuteFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { listSearch } from '../shared/methods/listSearch';
import { runNode } from '../shared/run/runNode';
import { router } from './actions/router';
import { properties } from './description';

export class CohereParse implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Parse',
		name: 'cohereParse',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle:
			'={{ $parameter["outputFormat"] === "blocks" ? "Parse to layout blocks" : "Parse to Markdown" }}',
		description:
			'Document images (scans, photos of receipts and invoices, slides) to Markdown or layout blocks with Cohere Parse',
		defaults: { name: 'Cohere Parse' },
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
