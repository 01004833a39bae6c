import type { INodeProperties } from 'n8n-workflow';
import { optionsCollection, requestOptions } from '../shared/descriptions';
import * as get from './actions/get.operation';
import * as list from './actions/list.operation';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'List',
				value: 'list',
				action: 'List models',
				description: 'List the models, optionally for one endpoint',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a model',
				description: 'Get one model by name',
			},
		],
		default: 'list',
	},
	...list.description,
	...get.description,
	optionsCollection([...list.listOptions, ...requestOptions]),
];
