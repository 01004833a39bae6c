/* The e2e scenarios: each imports or runs saved workflows in the real n8n and checks the items and the
 * requests the emulator received, one module per node or family. The full suite (run.ts) runs them all on
 * the current n8n; the compatibility suite (compat.ts) runs them on older n8n versions too. */
import { batchChat } from './batch';
import { chatInEveryForm } from './chat';
import { classifySummarizeTokenize } from './classifySummarizeTokenize';
import { embedRerankEmbedJobs } from './embedRerankEmbedJobs';
import { modelsAndRawHttp } from './modelsAndRawHttp';
import { parseAndEmbed, parseWebhook } from './parse';
import { transcribe } from './transcribe';
import { wrongApiKey } from './wrongApiKey';

/** The main nodes' saved workflows: the same in the full suite and on every older n8n. */
export const MAIN_NODE_SCENARIOS = [
	modelsAndRawHttp,
	chatInEveryForm,
	embedRerankEmbedJobs,
	classifySummarizeTokenize,
	transcribe,
	parseAndEmbed,
	batchChat,
	wrongApiKey,
];

export type { Scenario } from './types';
export { checkNodeTypes, importFixtures } from './package';
export { aiAgent, llmChain, vectorStore } from './aiNodes';
export {
	batchChat,
	chatInEveryForm,
	classifySummarizeTokenize,
	embedRerankEmbedJobs,
	modelsAndRawHttp,
	parseAndEmbed,
	parseWebhook,
	transcribe,
	wrongApiKey,
};
