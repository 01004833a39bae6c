/* Running Cohere Chat in the engine tests: the node with v2 and a model preset, the bodies it sent, an image. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { byId } from '../../fixtures';
import { runNode } from '../harness';
import type { useEmulator } from '../setup';

export function chatNode(ctx: ReturnType<typeof useEmulator>) {
	/** Cohere Chat with the v2 API and Command A, plus these parameters. */
	const chat = (parameters: IDataObject, items?: INodeExecutionData[], continueOnFail = false) =>
		runNode({
			type: 'cohereChat',
			parameters: { api: 'v2', model: byId('command-a-03-2025'), ...parameters },
			credentials: ctx.credentials(),
			items,
			continueOnFail,
		});
	/** The bodies sent to a path, in order. */
	const sentBodies = (path = '/v2/chat') => ctx.emulator.requestsTo(path).map((r) => r.body as any);
	return { chat, sentBodies };
}

/** A PNG binary of `bytes` bytes, as n8n holds it. */
export const png = (bytes = 16) => ({
	data: Buffer.alloc(bytes, 7).toString('base64'),
	mimeType: 'image/png',
	fileName: 'photo.png',
});
