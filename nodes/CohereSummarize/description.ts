import type { INodeProperties } from 'n8n-workflow';
import * as chat from './actions/chat.operation';
import { methodProperty, summaryProperties } from './actions/common.description';
import * as endpoint from './actions/endpoint.operation';
import { optionsDescription } from './actions/options.description';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	methodProperty,
	...chat.description,
	...endpoint.description,
	...summaryProperties,
	optionsDescription,
];
