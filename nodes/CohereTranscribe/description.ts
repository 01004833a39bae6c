import type { INodeProperties } from 'n8n-workflow';

import { apiProperty } from '../shared/descriptions';

import { transcribeProperties } from './actions/common.description';
import * as openai from './actions/openAiCompatible.operation';
import { optionsDescription } from './actions/options.description';
import * as cohere from './actions/transcribe.operation';

/** The node's panel, top to bottom, in the order a user fills it. */
export const properties: INodeProperties[] = [
	apiProperty(
		[{ name: 'Cohere (V2)', value: 'cohere', description: 'POST /v2/audio/transcriptions' }],
		'/audio/transcriptions',
		'cohere',
	),
	...cohere.description,
	...openai.description,
	...transcribeProperties,
	optionsDescription,
];
