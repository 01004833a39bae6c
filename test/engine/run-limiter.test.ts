/* Every request of a node's run goes through the run's limiter (made by runNode before any operation
 * runs), including nodes whose operations never read the batching options (List Models, Embed Jobs, Batch).
 * The built package is the one n8n loads here, so its limiter class is the one counted. */
import path from 'node:path';

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { PACKAGE_ROOT, runNode } from './harness';
import { useEmulator } from './setup';
import { texts } from '../fixtures';
import { WORKING_NODES } from '../nodes';

const ctx = useEmulator();

const { RequestLimiter } = jest.requireActual<{
	RequestLimiter: { prototype: { acquire: (...args: unknown[]) => Promise<unknown> } };
}>(path.join(PACKAGE_ROOT, 'dist/nodes/shared/transport/limiter.js'));
let acquired = 0;
const acquire = RequestLimiter.prototype.acquire;
beforeAll(() => {
	RequestLimiter.prototype.acquire = async function (this: unknown, ...args: unknown[]) {
		acquired++;
		return await acquire.apply(this, args);
	};
});
afterAll(() => {
	RequestLimiter.prototype.acquire = acquire;
});

// Every node's run from its facts (test/nodes), and the operations that never read the batching options.
// Every row has its four values: jest would hand a fourth parameter that a row lacks its done callback.
const runs: Array<[string, string, IDataObject, INodeExecutionData[] | undefined]> = [
	...WORKING_NODES.map(
		(node) =>
			[node.name, node.type, node.parameters, node.items ?? texts('a', 'b', 'c')] as [
				string,
				string,
				IDataObject,
				INodeExecutionData[] | undefined,
			],
	),
	[
		'Embed Jobs: list datasets',
		'cohereEmbedJobs',
		{ resource: 'dataset', operation: 'list' },
		undefined,
	],
	['Batch: list', 'cohereBatch', { operation: 'list', returnAll: true }, undefined],
];

describe('the run limiter', () => {
	test.each(runs)(
		'%s: every request acquired a slot of the run limiter',
		async (_, type, parameters, items) => {
			acquired = 0;
			const run = await runNode({
				type,
				parameters,
				credentials: ctx.credentials(),
				...(items ? { items } : {}),
			});
			expect(run.error).toBeUndefined();
			expect(ctx.emulator.requests.length).toBeGreaterThan(0);
			expect(acquired).toBe(ctx.emulator.requests.length);
		},
	);
});
