import type { IDataObject, ISupplyDataFunctions, SupplyData } from 'n8n-workflow';

import { loadAiNodeSdk } from '../shared/run/aiNodeSdk';
import { getOptions } from '../shared/parameters/numbers';
import { getModelId } from '../shared/parameters/parameters';
import { startRunLimiter } from '../shared/run/runNode';
import { chatSettings, openChatStream, sendChat } from '../shared/cohere/chat';
import { getRequestSettings } from '../shared/transport';
import type { CohereChatResponse } from './helpers/messages';
import type { CohereChatModelConfig } from './helpers/model';
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
	const transport = {
		send: async (body: IDataObject) =>
			(await sendChat.call(this, body, { settings })) as CohereChatResponse,
		openStream: async (body: IDataObject) => await openChatStream.call(this, body, settings),
	};
	const model = createCohereChatModel(
		sdk,
		getModelId.call(this, itemIndex),
		transport,
		chatSettings(options) as CohereChatModelConfig,
	);
	return sdk.supplyModel(this, model);
}
