/* The OpenAPI contract itself: that it catches what Cohere's spec rejects, and that the only answers allowed
 * to break it are the documented samples listed in SAMPLE_DRIFT. (Every other test file checks its own
 * traffic against the spec after each test: see test/engine/setup.ts.) */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import samples from '../emulator/connector-samples.json';
import { OpenApiContract, SPEC_FILE, type Exchange } from './openapi';
import { SPEC_ERRATA } from './errata';
import { SAMPLE_DRIFT } from './sample-drift';
import { useEmulator } from '../engine/setup';

const ctx = useEmulator();
const contract = new OpenApiContract();

function exchange(partial: Partial<Exchange> & Pick<Exchange, 'method' | 'path'>): Exchange {
	return {
		query: {},
		queryAll: {},
		contentType: 'application/json',
		body: undefined,
		status: 200,
		response: {},
		...partial,
	};
}

const chatAnswer = {
	id: '5b2e3f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b',
	finish_reason: 'COMPLETE',
	message: { role: 'assistant', content: [{ type: 'text', text: 'Hello' }] },
};

describe('the vendored spec', () => {
	test("is Cohere's spec as the project's reference holds it, unedited", () => {
		const reference = path.resolve(__dirname, '../../../shared/reference/cohere-openapi.yaml');
		if (existsSync(reference))
			expect(readFileSync(SPEC_FILE, 'utf8')).toBe(readFileSync(reference, 'utf8'));
		expect((contract.spec as { openapi: string }).openapi).toBe('3.1.0');
		// Each erratum corrects a real contradiction: the schema it fixes exists.
		for (const erratum of SPEC_ERRATA)
			expect(Object.keys((contract.spec.components as { schemas: object }).schemas)).toContain(
				erratum.schema,
			);
	});

	test('finds the operation of a concrete path, a literal segment before a template', () => {
		expect(contract.operation('GET', '/v1/datasets/usage')).toMatchObject({
			template: '/v1/datasets/usage',
		});
		expect(contract.operation('GET', '/v1/datasets/my-set-0001')).toMatchObject({
			template: '/v1/datasets/{id}',
		});
		expect(contract.operation('POST', '/v1/embed-jobs/j-1/cancel')).toMatchObject({
			template: '/v1/embed-jobs/{id}/cancel',
		});
		expect(contract.operation('GET', '/v2/nothing')).toBeUndefined();
	});
});

describe('what the contract catches', () => {
	test('a valid chat request and answer pass; a missing model, a wrong type, a bad enum do not', () => {
		const good = exchange({
			method: 'POST',
			path: '/v2/chat',
			body: { model: 'command-a-03-2025', messages: [{ role: 'user', content: 'Hi' }] },
			response: chatAnswer,
		});
		expect(contract.check(good)).toEqual([]);
		const bad = contract.check({
			...good,
			body: { messages: [{ role: 'user', content: 'Hi' }], temperature: 'warm' },
			response: { ...chatAnswer, finish_reason: 'max_tokens' },
		});
		expect(bad.map((v) => [v.side, v.message])).toEqual(
			expect.arrayContaining([
				['request', "body must have required property 'model'"],
				['request', 'body/temperature must be number'],
				['response', expect.stringMatching(/^body\/finish_reason must be one of \["COMPLETE",/)],
			]),
		);
	});

	test("discriminated unions: response_format picks its branch by type, as OpenAPI's discriminator means", () => {
		const base = { model: 'command-a-03-2025', messages: [{ role: 'user', content: 'Hi' }] };
		const check = (response_format: unknown) =>
			contract.check(
				exchange({
					method: 'POST',
					path: '/v2/chat',
					body: { ...base, response_format },
					response: chatAnswer,
				}),
			);
		expect(check({ type: 'json_object' })).toEqual([]);
		expect(check({ type: 'json_object', json_schema: { type: 'object' } })).toEqual([]);
		expect(check({ type: 'text' })).toEqual([]);
		expect(check({ type: 'yaml' }).map((v) => v.message)).toContain(
			'body/response_format/type must be one of ["text","json_object"]',
		);
	});

	test('answers: a property the spec does not list, a required one missing, an id that is no UUID', () => {
		const dataset = {
			id: 'd-1',
			name: 'd',
			created_at: '2026-01-01T00:00:00Z',
			updated_at: '2026-01-01T00:00:00Z',
			dataset_type: 'embed-input',
			validation_status: 'validated',
		};
		const get = (body: unknown) =>
			contract
				.check(exchange({ method: 'GET', path: '/v1/datasets/d-1', response: body }))
				.map((v) => v.message);
		expect(get({ dataset })).toEqual([]);
		expect(get({ dataset: { ...dataset, colour: 'blue' } })).toEqual([
			'body/dataset has "colour", which the spec does not list',
		]);
		const { updated_at: _updated, ...withoutUpdatedAt } = dataset;
		expect(get({ dataset: withoutUpdatedAt })).toEqual([
			"body/dataset must have required property 'updated_at'",
		]);
		const chatV1 = contract.check(
			exchange({
				method: 'POST',
				path: '/v1/chat',
				body: { message: 'Hi' },
				response: { text: 'Hello', generation_id: 'gen-emulator', finish_reason: 'COMPLETE' },
			}),
		);
		expect(chatV1.map((v) => v.message)).toContain('body/generation_id must match format "uuid"');
	});

	test('POST /v2/parse, added from the API reference (SPEC_ADDITIONS): its body checked, its answer held to ParseResponse', () => {
		const check = (body: unknown, response: unknown) =>
			contract
				.check(exchange({ method: 'POST', path: '/v2/parse', body, response }))
				.map((v) => `${v.side} ${v.message}`);
		const document = { type: 'image_url', image_url: 'https://example.com/a.png' };
		const page = { index: 0, type: 'markdown', markdown: { content: '# A' } };
		expect(check({ model: 'parse-v5.0', document }, { id: 'p-1', pages: [page] })).toEqual([]);
		expect(
			check({ model: 'parse-v5.0', document, output_format: 'html' }, { id: 'p', pages: [] }),
		).toEqual(['request body/output_format must be one of ["blocks","markdown"]']);
		expect(check({ document }, { id: 'p', pages: [] })).toEqual([
			"request body must have required property 'model'",
		]);
		expect(check({ model: 'parse-v5.0', document }, { pages: [page] })).toEqual([
			"response body must have required property 'id'",
		]);
		expect(
			check({ model: 'parse-v5.0', document }, { id: 'p', pages: [{ index: 0, type: 'blocks' }] }),
		).toContain("response body/pages/0 must have required property 'blocks'");
	});

	test('query parameters: required ones, types, repeated keys as arrays', () => {
		const upload = (queryAll: Record<string, string[]>) =>
			contract
				.check(
					exchange({
						method: 'POST',
						path: '/v1/datasets',
						contentType: 'multipart/form-data',
						query: Object.fromEntries(Object.entries(queryAll).map(([k, v]) => [k, v[0]])),
						queryAll,
						response: { id: 'd-1' },
					}),
				)
				.map((v) => v.message);
		expect(upload({ name: ['d'], type: ['embed-input'], keep_fields: ['a', 'b'] })).toEqual([]);
		expect(upload({ type: ['embed-input'] })).toEqual(['query parameter "name" is required']);
		expect(upload({ name: ['d'], type: ['embed-input'], skip_malformed_input: ['maybe'] })).toEqual(
			['query "skip_malformed_input" must be boolean'],
		);
	});

	test('a stream: each event against its type, and the SSE event name must be that type', () => {
		const stream = (events: Exchange['events']) =>
			contract
				.check(
					exchange({
						method: 'POST',
						path: '/v2/chat',
						body: {
							model: 'command-a-03-2025',
							messages: [{ role: 'user', content: 'Hi' }],
							stream: true,
						},
						events,
					}),
				)
				.map((v) => v.message);
		const start = { type: 'message-start', id: 'x', delta: { message: { role: 'assistant' } } };
		const end = {
			type: 'message-end',
			delta: { finish_reason: 'COMPLETE', usage: { billed_units: { input_tokens: 1 } } },
		};
		expect(
			stream([
				{ event: 'message-start', data: start },
				{ event: 'message-end', data: end },
			]),
		).toEqual([]);
		expect(
			stream([
				{ event: 'message-start', data: { ...start, delta: { message: { role: 'user' } } } },
				{ event: 'content-delta', data: end },
			]),
		).toEqual(
			expect.arrayContaining([
				'event 0 (message-start)/delta/message/role must be one of ["assistant"]',
				'event 1: SSE event name content-delta is not its type',
			]),
		);
	});
});

describe('the documented samples that break the spec', () => {
	const titles = (samples as Array<{ title: string }>).map((sample) => sample.title);

	test('every entry of SAMPLE_DRIFT names a documented sample and gives its reason', () => {
		for (const [title, reason] of Object.entries(SAMPLE_DRIFT)) {
			expect(titles).toContain(title);
			expect(reason.length).toBeGreaterThan(20);
		}
	});

	test("each of them still breaks the spec when the emulator replays it (else it leaves the list), and the emulator's own answer to the same operation does not", async () => {
		const replay = async (title: string) => {
			const { input } = (samples as Array<{ title: string; input: any }>).find(
				(sample) => sample.title === title,
			)!;
			ctx.emulator.exchanges.length = 0;
			const body = input.body?.raw ?? input.body;
			const request =
				title === 'Raw HTTP request (advanced)'
					? { method: 'POST', path: '/v1/classify' }
					: {
							method: 'POST',
							path: {
								'Generate Chat (Beta)': '/v1/chat',
								'Generate Classification': '/v1/classify',
								'Generate Text Embeddings': '/v2/embed',
								'Generate Tokens': '/v1/tokenize',
								'Generate Detokenized Text': '/v1/detokenize',
							}[title]!,
						};
			await fetch(`${ctx.baseUrl}${request.path}`, {
				method: request.method,
				headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			return ctx.emulator.exchanges;
		};
		for (const title of Object.keys(SAMPLE_DRIFT)) {
			const [replayed] = await replay(title);
			expect(replayed.sample).toBe(title);
			const violations = contract.check(replayed).filter((v) => v.side === 'response');
			expect({ title, breaks: violations.length > 0 }).toEqual({ title, breaks: true });
		}
		// The same operations with other inputs: the emulator's own answers keep to the spec.
		ctx.emulator.exchanges.length = 0;
		const own: Array<[string, unknown]> = [
			['/v1/tokenize', { text: 'hello world', model: 'command-a-03-2025' }],
			['/v1/detokenize', { tokens: [1, 2], model: 'command-a-03-2025' }],
			['/v2/embed', { texts: ['a'], model: 'embed-v4.0', input_type: 'search_document' }],
			['/v1/chat', { message: 'Hi there' }],
		];
		for (const [requestPath, body] of own)
			await fetch(`${ctx.baseUrl}${requestPath}`, {
				method: 'POST',
				headers: { authorization: 'Bearer test-key', 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
		expect(ctx.emulator.exchanges.map((e) => [e.path, e.status, e.sample])).toEqual(
			own.map(([requestPath]) => [requestPath, 200, undefined]),
		);
		expect(ctx.emulator.exchanges.flatMap((e) => contract.check(e))).toEqual([]);
	});
});
