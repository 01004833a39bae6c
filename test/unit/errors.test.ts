/* Cohere's errors in plain words: fast unit tests of the transport's error helpers, without a server. */
import { extractApiMessage, messageForStatus } from '../../nodes/shared/transport/errors';

describe('messageForStatus', () => {
	test.each([
		[400, 'Cohere rejected the request as invalid (400)'],
		[401, 'Cohere rejected the API key (401): check the API Key in the Cohere API credential'],
		[402, expect.stringMatching(/^Cohere billing limit reached \(402\)/)],
		[404, expect.stringMatching(/^Model or resource not found \(404\)/)],
		[422, expect.stringMatching(/\(422\): a parameter has an invalid value$/)],
		[
			429,
			expect.stringMatching(/^Cohere rate limit reached \(429\): the key's limit kept refusing/),
		],
		[498, 'Cohere blocked the content (498)'],
		[499, 'The request was cancelled (499)'],
		[500, 'Cohere service problem (500): try again later'],
		[503, 'Cohere service problem (503): try again later'],
		[418, 'Cohere answered with HTTP 418'],
	])('%i', (status, message) => expect(messageForStatus(status)).toEqual(message));
});

describe('extractApiMessage: Cohere, OpenAI-style gateways, plain text', () => {
	test.each<[string, unknown, string | undefined]>([
		["Cohere's { message }", { message: 'invalid api token' }, 'invalid api token'],
		[
			"OpenAI's { error: { message } }",
			{ error: { message: 'model not found' } },
			'model not found',
		],
		['{ error: "..." }', { error: 'quota exceeded' }, 'quota exceeded'],
		['{ detail: "..." }', { detail: 'Not Found' }, 'Not Found'],
		['plain text, trimmed', '  upstream timeout \n', 'upstream timeout'],
		['a long text body, cut at 2,000 characters', 'x'.repeat(5000), 'x'.repeat(2000)],
		['an empty text', '   ', undefined],
		['JSON without a message', { code: 12 }, undefined],
		['nothing', undefined, undefined],
		['a number in message is not a message', { message: 42 }, undefined],
	])('%s', (_name, body, expected) => expect(extractApiMessage(body)).toEqual(expected));
});
