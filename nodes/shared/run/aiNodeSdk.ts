import type * as AiNodeSdkModule from '@n8n/ai-node-sdk';
import type { INodeProperties, ISupplyDataFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** n8n's AI node SDK, as the running n8n provides it (n8n 2.16 and later). */
export type AiNodeSdk = typeof AiNodeSdkModule;

/** What a user reads on a sub-node that needs the SDK when their n8n has none: in the panel and in the error. */
export const AI_NODE_SDK_REQUIRED =
	'This node needs n8n 2.16 or newer, which provides the AI node SDK it is built on. Update n8n to use it; the other Cohere nodes work on this version.';

/**
 * Whether the running n8n lets community packages load `@n8n/ai-node-sdk`. Nothing is loaded here, only
 * resolved: a node file that required the SDK at load time would fail on n8n 1.x and 2.0–2.15, and n8n then
 * drops the whole package (every node of it), so the SDK is only ever loaded when a sub-node runs.
 */
function sdkResolvable(): boolean {
	try {
		require.resolve('@n8n/ai-node-sdk');
		return true;
	} catch {
		return false;
	}
}

export const aiNodeSdkAvailable = sdkResolvable();

/** A notice at the top of the panel where this n8n has no SDK; nothing where it has one. */
export function aiNodeSdkNotice(available = aiNodeSdkAvailable): INodeProperties[] {
	if (available) return [];
	return [
		{
			displayName: AI_NODE_SDK_REQUIRED,
			name: 'aiNodeSdkNotice',
			type: 'notice',
			default: '',
		},
	];
}

/** Loads the SDK when the sub-node runs, or fails with the sentence its panel shows. */
export async function loadAiNodeSdk(this: ISupplyDataFunctions): Promise<AiNodeSdk> {
	try {
		return await import('@n8n/ai-node-sdk');
	} catch (error) {
		throw new NodeOperationError(this.getNode(), AI_NODE_SDK_REQUIRED, {
			description: `n8n could not load @n8n/ai-node-sdk: ${(error as Error).message.split('\n')[0]}`,
		});
	}
}
