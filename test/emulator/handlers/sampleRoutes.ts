/* The documented connector samples: their exact request yields their exact response. */
import { sample } from '../../fixtures';
import type { EmulatorRequest, EmulatorResponse, Json } from './common';
import { ok, sameJson } from './common';

/** The documented samples: their exact request yields their exact response. */
export interface SampleRoute {
	/** The sample's title in the connector reference. */
	title: string;
	method: string;
	path: string;
	matches: (req: EmulatorRequest) => boolean;
	response: EmulatorResponse;
}
export const bodySample = (method: string, paths: string[], title: string): SampleRoute[] =>
	paths.map((path) => ({
		title,
		method,
		path,
		matches: (req) => sameJson(req.body, sample(title).input.body),
		response: ok(sample(title).output),
	}));
export const rawHttp = sample('Raw HTTP request (advanced)');
export const listModelsSample = sample('List Models');
export const dropdownSample = sample('List Models (DDL)');
/** The DDL sample's models, as the page of `GET /v1/models` that Cohere would answer for its query. */
export const dropdownSamplePage = {
	models: (dropdownSample.output.result as Array<{ text: string; value: string }>).map(
		({ value }) => ({ name: value, endpoints: ['chat'], finetuned: false, context_length: 4096 }),
	),
	next_page_token: 'next_page_token_124',
};
export const SAMPLE_ROUTES: SampleRoute[] = [
	...bodySample('POST', ['/v1/chat'], 'Generate Chat (Beta)'),
	...bodySample('POST', ['/v1/classify'], 'Generate Classification'),
	...bodySample('POST', ['/v1/detokenize'], 'Generate Detokenized Text'),
	...bodySample('POST', ['/v1/generate'], 'Generate Text'),
	...bodySample('POST', ['/v1/embed', '/v2/embed'], 'Generate Text Embeddings'),
	...bodySample('POST', ['/v1/tokenize'], 'Generate Tokens'),
	...bodySample('POST', ['/v1/summarize'], 'Summarize Text'),
	{
		title: 'Raw HTTP request (advanced)',
		method: 'POST',
		path: '/v1/classify',
		matches: (req) => sameJson(req.body, (rawHttp.input.body as Json).raw),
		response: {
			status: (rawHttp.output as Json).status as number,
			body: (rawHttp.output as Json).body,
			headers: (rawHttp.output as Json).headers as Record<string, string>,
		},
	},
	{
		title: 'List Models',
		method: 'GET',
		path: '/v1/models',
		matches: (req) =>
			req.query.page_size === String(listModelsSample.input.page_size) &&
			req.query.page_token === listModelsSample.input.page_token &&
			req.query.endpoint === listModelsSample.input.endpoint,
		response: ok(listModelsSample.output),
	},
	{
		// The DDL sample's `endpoint` is the URL of the list (the Base URL's /v1/models), not a filter.
		title: 'List Models (DDL)',
		method: 'GET',
		path: '/v1/models',
		matches: (req) =>
			req.query.page_size === String(dropdownSample.input.page_size) &&
			req.query.page_token === dropdownSample.input.page_token &&
			req.query.endpoint === undefined,
		response: ok(dropdownSamplePage),
	},
];
