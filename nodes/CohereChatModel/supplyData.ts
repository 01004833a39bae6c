import type { IDataObject, ISupplyDataFunctions, SupplyData } from 'n8n-workflow';

import { loadAiNodeSdk } from '../shared/run/aiNodeSdk';
import { getOptions } from '../shared/parameters/numbers';
import { getModelId } from '../shared/parameters/parameters';
import { startRunLimiter } from '../shared/run/runNode';
import { cohereApiRequest, cohereRequest, getRequestSettings } from '../shared/transport';
import type { CohereChatResponse } from './helpers/messages';
import { createCohereChatModel } from './helpers/model';
import { optionsDescription } from './description';

/** The chat model the AI Agent and chains call: Cohere v2 chat, sent and streamed through the shared transport. */
export async function supplyChatModel(
	this: ISupplyDataFunctions,
	itemIndex: number,
): Promise<SupplyData> {
	const sdk = await loadAiNodeSdk.call(this);
	const options = getOptions.call(this, itemIndex, optionsDescription);
	const settings = getRequestSettings.call(this, itemIndex);
	// Its requests keep the key's pace, with every other node's on the key.
	startRunLimiter.call(this);
	const stop = options.stopSequences as string[] | string | undefined;
	const transport = {
		send: async (body: IDataObject) =>
			await (cohereApiRequest<CohereChatResponse>).call(this, {
				method: 'POST',
				path: '/v2/chat',
				body,
				settings,
			}),
		openStream: async (body: IDataObject) =>
			(
				await cohereRequest.call(this, {
					method: 'POST',
					path: '/v2/chat',
					body,
					settings,
					stream: true,
				})
			).body as AsyncIterableIterator<Uint8Array>,
	};
	const model = createCohereChatModel(sdk, getModelId.call(this, itemIndex), transport, {
		temperature: options.temperature as number | undefined,
		maxTokens: options.maxTokens as number | undefined,
		topP: options.topP as number | undefined,
		topK: options.topK as number | undefined,
		seed: options.seed as number | undefined,
		frequencyPenalty: options.frequencyPenalty as number | undefined,
		presencePenalty: options.presencePenalty as number | undefined,
		stopSequences: (Array.isArray(stop) ? stop : stop ? [stop] : []).filter(Boolean),
		safetyMode: options.safetyMode as string | undefined,
		thinking: options.thinking as 'enabled' | 'disabled' | undefined,
		thinkingTokenBudget: options.thinkingTokenBudget as number | undefined,
		priority: options.priority as number | undefined,
	});
	return sdk.supplyModel(this, model);
}
