/* The package on an n8n without `@n8n/ai-node-sdk` (1.x, 2.0–2.15): the SDK is never required at load time, the
 * chat model's panel says what it needs, and a run fails with that same sentence before sending anything.
 * The real n8n versions run in `npm run test:compat`; here the SDK is taken away from the built package. */
import type { INodeType } from 'n8n-workflow';

import { AI_NODE_SDK_REQUIRED, aiNodeSdkNotice } from '../../nodes/shared/run/aiNodeSdk';
import { loadPackage, supplyData } from './harness';
import { useEmulator } from './setup';
import { byId } from '../fixtures';
import { PACKAGE_NODES } from '../nodes';

const ctx = useEmulator();

describe('without n8n’s AI node SDK', () => {
	afterEach(() => jest.dontMock('@n8n/ai-node-sdk'));

	test('the notice is the first field where the SDK is missing, and absent where it is there', () => {
		expect(aiNodeSdkNotice(false)).toEqual([
			{ displayName: AI_NODE_SDK_REQUIRED, name: 'aiNodeSdkNotice', type: 'notice', default: '' },
		]);
		expect(aiNodeSdkNotice(true)).toEqual([]);
		expect(AI_NODE_SDK_REQUIRED).toContain('n8n 2.16 or newer');
	});

	test('with the SDK (this machine), the loaded chat model has no notice', async () => {
		const loader = await loadPackage();
		const { description } = loader.nodeTypes.cohereChatModel.type as INodeType;
		const names = description.properties.map((p) => p.name);
		expect(names).not.toContain('aiNodeSdkNotice');
		expect(names[0]).toBe('model');
	});

	test('no node file of the package requires the SDK when it loads', async () => {
		jest.resetModules();
		jest.doMock('@n8n/ai-node-sdk', () => {
			throw new Error("Cannot find module '@n8n/ai-node-sdk'");
		});
		const { PackageDirectoryLoader } = await import('n8n-core');
		const loader = new PackageDirectoryLoader(`${__dirname}/../..`);
		await loader.loadAll();
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(
			PACKAGE_NODES.map((node) => node.type).sort(),
		);
	});

	test('a chat model run fails with the panel’s sentence and sends no request', async () => {
		jest.doMock('@n8n/ai-node-sdk', () => {
			throw new Error("Cannot find module '@n8n/ai-node-sdk'");
		});
		await expect(
			supplyData({
				type: 'cohereChatModel',
				parameters: { model: byId('command-a-03-2025') },
				credentials: ctx.credentials(),
				connectionType: 'ai_languageModel',
			}),
		).rejects.toMatchObject({
			message: AI_NODE_SDK_REQUIRED,
			description: expect.stringContaining("Cannot find module '@n8n/ai-node-sdk'"),
		});
		expect(ctx.emulator.requests).toHaveLength(0);
	});
});
