import type { INodeProperties } from 'n8n-workflow';

import * as cancel from './actions/cancel.operation';
import * as create from './actions/create.operation';
import * as get from './actions/get.operation';
import * as list from './actions/list.operation';
import { optionsDescription } from './actions/options.description';
import * as runChat from './actions/runChat.operation';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a batch',
			},
			{
				name: 'Chat With All Items',
				value: 'runChat',
				action: 'Chat with all items in one batch',
				description:
					"Send every item's prompt through Cohere's batch engine, wait, and output each answer on its item",
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a batch',
				description: 'Start a batch from a dataset of requests, without waiting',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a batch',
				description: 'Get a batch, or its results',
			},
			{ name: 'List', value: 'list', action: 'List batches' },
		],
		default: 'runChat',
	},
	...runChat.description,
	...create.description,
	...get.description,
	...list.description,
	...cancel.description,
	optionsDescription,
];
