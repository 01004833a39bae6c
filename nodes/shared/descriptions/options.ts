import type { INodeProperties } from 'n8n-workflow';

import { concurrencyOption, priorityOption, requestOptions } from './collections';

/*
 * Options that several nodes offer, defined once here with no display rules: each node places them in its
 * own Options collection (adding display rules where it has several forms), so a main node and its AI
 * sub-node share one definition and so one range check. Nodes never take options out of each other.
 */

/** Chat sampling and answer settings (Chat, Cohere Batch, the Command Chat Model). */
export const chatOptions = {
	frequencyPenalty: {
		displayName: 'Frequency Penalty',
		name: 'frequencyPenalty',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0,
		description: 'Reduces repeated tokens in proportion to how often they appeared',
	},
	maxTokens: {
		displayName: 'Max Tokens',
		name: 'maxTokens',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1024,
		description: 'The most tokens the answer may have',
	},
	presencePenalty: {
		displayName: 'Presence Penalty',
		name: 'presencePenalty',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0,
		description: 'Reduces tokens that appeared at all',
	},
	thinking: {
		displayName: 'Reasoning',
		name: 'thinking',
		type: 'options',
		options: [
			{ name: 'Enabled', value: 'enabled' },
			{ name: 'Disabled', value: 'disabled' },
		],
		default: 'enabled',
		description: 'Whether reasoning models think before answering',
	},
	thinkingTokenBudget: {
		displayName: 'Reasoning Token Budget',
		name: 'thinkingTokenBudget',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 2048,
		description: 'The most tokens the model may spend thinking (with Reasoning enabled)',
	},
	safetyMode: {
		displayName: 'Safety Mode',
		name: 'safetyMode',
		type: 'options',
		options: [
			{ name: 'Contextual', value: 'CONTEXTUAL' },
			{ name: 'Strict', value: 'STRICT' },
			{ name: 'Off', value: 'OFF' },
		],
		default: 'CONTEXTUAL',
	},
	seed: {
		displayName: 'Seed',
		name: 'seed',
		type: 'number',
		default: 0,
		description: 'Same seed and parameters give the same answer, as far as the model allows',
	},
	stopSequences: {
		displayName: 'Stop Sequences',
		name: 'stopSequences',
		type: 'string',
		typeOptions: { multipleValues: true },
		default: [],
		description: 'The answer ends before any of these texts',
	},
	temperature: {
		displayName: 'Temperature',
		name: 'temperature',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 },
		default: 0.3,
		description: 'Randomness of the answer: lower is more focused',
	},
	topK: {
		displayName: 'Top K',
		name: 'topK',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 500 },
		default: 0,
		description: 'Only the K most likely tokens are considered (0 turns it off)',
	},
	topP: {
		displayName: 'Top P',
		name: 'topP',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
		default: 0.75,
		description: 'Nucleus sampling: only the most likely tokens whose probabilities add up to this',
	},
} satisfies Record<string, INodeProperties>;

/**
 * Where a chat option is sent: the Chat node's API forms (`v2`, `v1`, `generate`, `openai`), a Cohere Batch
 * record (`batch`) and the Command Chat Model (`model`). An option not listed here goes everywhere; each
 * node builds its Options collection from `chatOptionsFor`, so a new option is added here and nowhere else.
 */
const CHAT_OPTION_FORMS: Partial<Record<keyof typeof chatOptions, ChatForm[]>> = {
	safetyMode: ['v2', 'model'],
	stopSequences: ['v2', 'v1', 'generate', 'openai', 'model'],
	thinking: ['v2', 'model'],
	thinkingTokenBudget: ['v2', 'model'],
	topK: ['v2', 'v1', 'generate', 'batch', 'model'],
};

/** Every form a chat option can go to. */
const CHAT_FORMS = ['v2', 'v1', 'generate', 'openai', 'batch', 'model'] as const;
export type ChatForm = (typeof CHAT_FORMS)[number];

/** The chat options one form takes, each with the forms that take it. */
export function chatOptionsFor(
	forms: ChatForm[],
): Array<{ option: INodeProperties; forms: ChatForm[] }> {
	return Object.entries(chatOptions)
		.map(([name, option]) => ({
			option: option as INodeProperties,
			forms: (CHAT_OPTION_FORMS[name as keyof typeof chatOptions] ?? CHAT_FORMS).filter((form) =>
				forms.includes(form),
			),
		}))
		.filter(({ forms: taken }) => taken.length > 0);
}

/** Embedding settings (Embed, Embeddings). */
export const embedOptions = {
	maxTokens: {
		displayName: 'Max Tokens',
		name: 'maxTokens',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 512,
		description: 'Tokens embedded per input; longer inputs are truncated as Truncate says',
	},
	outputDimension: {
		displayName: 'Output Dimension',
		name: 'outputDimension',
		type: 'options',
		options: [
			{ name: '256', value: '256' },
			{ name: '512', value: '512' },
			{ name: '768', value: '768' },
			{ name: '1024', value: '1024' },
			{ name: '1536', value: '1536' },
			{ name: '2048', value: '2048' },
		],
		default: '1536',
		description:
			'Size of the embeddings, for models that take it: embed-v4.0 takes 256, 512, 1024 or 1536; Embed 5 (embed-v5.0-pro, embed-v5.0-fast) every size listed',
	},
} satisfies Record<string, INodeProperties>;

/** Reranking settings (Rerank, Reranker). */
export const rerankOptions = {
	maxTokensPerDoc: {
		displayName: 'Max Tokens Per Document',
		name: 'maxTokensPerDoc',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 4096,
		description: 'Longer documents are truncated to this many tokens',
	},
	minRelevanceScore: {
		displayName: 'Minimum Relevance Score',
		name: 'minRelevanceScore',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 4 },
		default: 0,
		description:
			"Documents that score below this are left out, before Top N (Cohere's scores run from 0 to 1; 0 keeps every document)",
	},
} satisfies Record<string, INodeProperties>;

/** How many of the best documents a ranking keeps (Rerank, Reranker). */
export const topNProperty: INodeProperties = {
	displayName: 'Top N',
	name: 'topN',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 0,
	description: 'How many of the best documents to keep',
	// Shown under the field, not only in the tooltip: 0 is the default and means "all".
	hint: '0 keeps every document, best first',
};

/** The Options of a ranking (Rerank and the Reranker sub-node offer the same). */
export const rankingOptions: INodeProperties[] = [
	{
		...concurrencyOption,
		description: 'With more than 1,000 documents: how many requests of 1,000 run at the same time',
	},
	rerankOptions.maxTokensPerDoc,
	rerankOptions.minRelevanceScore,
	priorityOption,
	...requestOptions,
];
