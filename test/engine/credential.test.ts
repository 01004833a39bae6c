import { Workflow } from 'n8n-workflow';

import { normalizeBaseUrl } from '../../nodes/shared/transport';
import { credentialTypes, runNode, testCredential, workflowNode } from './harness';
import { useEmulator } from './setup';

const ctx = useEmulator();

describe('Cohere API credential (cohereBearerApi)', () => {
	test('the credential test passes with a valid key and calls GET /v1/models?page_size=1', async () => {
		const result = await testCredential(ctx.credentials());
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(ctx.emulator.requests).toHaveLength(1);
		expect(ctx.emulator.requests[0]).toMatchObject({
			method: 'GET',
			path: '/v1/models',
			query: { page_size: '1' },
		});
		expect(ctx.emulator.requests[0].headers.authorization).toBe('Bearer test-key');
	});

	test('the credential test fails with an invalid key and says Cohere rejected it', async () => {
		const result = await testCredential(ctx.credentials({ apiKey: 'wrong-key' }));
		expect(result.status).toBe('Error');
		expect(result.message).toContain('invalid api token');
		expect(result.message).not.toContain('wrong-key');
	});

	test('the credential test fails when the Base URL does not serve the Cohere API', async () => {
		const result = await testCredential(ctx.credentials({ baseUrl: `${ctx.baseUrl}/not-cohere` }));
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('Base URL') });
	});

	test.each([
		['plain', ''],
		['trailing slash', '/'],
		['with /v1', '/v1'],
		['with /v1/', '/v1/'],
	])('Base URL %s form reaches /v1/models (test and nodes)', async (_label, suffix) => {
		const credentials = ctx.credentials({ baseUrl: `${ctx.baseUrl}${suffix}` });
		expect((await testCredential(credentials)).status).toBe('OK');
		const run = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: false, limit: 2 },
			credentials,
		});
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(2);
		expect(ctx.emulator.requests.map((r) => r.path)).toEqual(['/v1/models', '/v1/models']);
	});

	test('Client Name is sent as X-Client-Name, and no header is sent without it', async () => {
		await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: false, limit: 1 },
			credentials: ctx.credentials({ clientName: 'my-workflows' }),
		});
		await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: false, limit: 1 },
			credentials: ctx.credentials(),
		});
		expect(ctx.emulator.requests[0].headers['x-client-name']).toBe('my-workflows');
		expect(ctx.emulator.requests[1].headers).not.toHaveProperty('x-client-name');
	});

	test('the API key never appears in an error or an output item', async () => {
		const secret = 'sk-very-secret-key-123';
		const run = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: true },
			credentials: ctx.credentials({ apiKey: secret }),
			continueOnFail: true,
		});
		expect(run.items).toHaveLength(1);
		expect(JSON.stringify(run.items)).not.toContain(secret);
		expect(run.items[0].json).toMatchObject({
			error: expect.stringContaining('401'),
			description: 'invalid api token',
		});
		const failed = await runNode({
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: true },
			credentials: ctx.credentials({ apiKey: secret }),
		});
		expect(failed.error).toBeDefined();
		expect(JSON.stringify(failed.run.data)).not.toContain(secret);
	});
});

describe('the Base URL rule, written twice, agrees with itself', () => {
	test("the credential test's expression (evaluated by n8n) and the transport's normalizeBaseUrl give the same URL for every form", async () => {
		const expression = (await credentialTypes()).cohereBearerApi.test!.request.baseURL as string;
		const node = workflowNode({ id: 'n', name: 'N', type: 'test', foreign: true });
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => ({ description: { properties: [] } }) as never,
				getByNameAndVersion: () => ({ description: { properties: [] } }) as never,
				getKnownTypes: () => ({}),
			},
		});
		const forms: Array<[unknown, string]> = [
			['https://api.cohere.com', 'https://api.cohere.com'],
			['https://api.cohere.com/', 'https://api.cohere.com'],
			['https://api.cohere.com//', 'https://api.cohere.com'],
			['https://api.cohere.com/v1', 'https://api.cohere.com'],
			['https://api.cohere.com/v1/', 'https://api.cohere.com'],
			['  https://api.cohere.com/v1/  ', 'https://api.cohere.com'],
			['http://127.0.0.1:8787/v1/', 'http://127.0.0.1:8787'],
			['https://gw.example.com/cohere', 'https://gw.example.com/cohere'],
			['https://gw.example.com/cohere/v1/', 'https://gw.example.com/cohere'],
			['https://gw.example.com/v1/cohere', 'https://gw.example.com/v1/cohere'],
			['api.cohere.com', 'https://api.cohere.com'],
			['gw.example.com/cohere/v1/', 'https://gw.example.com/cohere'],
			['HTTPS://API.COHERE.COM/', 'HTTPS://API.COHERE.COM'],
			['', 'https://api.cohere.com'],
			['   ', 'https://api.cohere.com'],
			[undefined, 'https://api.cohere.com'],
		];
		const seen = forms.map(([baseUrl]) => ({
			baseUrl,
			credentialTest: workflow.expression.getSimpleParameterValue(node, expression, 'internal', {
				$credentials: { baseUrl },
			} as never),
			transport: normalizeBaseUrl(baseUrl),
		}));
		expect(seen).toEqual(
			forms.map(([baseUrl, expected]) => ({
				baseUrl,
				credentialTest: expected,
				transport: expected,
			})),
		);
	});
});
