import type {
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	ISupplyDataFunctions,
	SupplyData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { optionsDescription as embedOptions } from '../CohereEmbed/actions/options.description';
import {
	modelLocator,
	optionsCollection,
	pickOptions,
	requestOptions,
} from '../shared/descriptions';
import { requestFloatEmbeddings } from '../shared/helpers/floatEmbeddings';
import { getOptions } from '../shared/helpers/numbers';
import { getModelId } from '../shared/helpers/parameters';
import { recordSubNodeRun } from '../shared/helpers/subNodeRuns';
import { listSearch } from '../shared/methods/listSearch';
import { getRequestSettings } from '../shared/transport';
import { CohereEmbeddings as CohereEmbeddingsClient } from './helpers/embeddings';
import { getBatching } from '../shared/helpers/processItems';

const inputTypes = [
	{ name: 'Classification', value: 'classification' },
	{ name: 'Clustering', value: 'clustering' },
	{
		name: 'Search Document',
		value: 'search_document',
		description: 'Texts stored in a vector store',
	},
	{ name: 'Search Query', value: 'search_query', description: 'Queries searched against them' },
];

const inputTypeOption = (
	displayName: string,
	name: string,
	defaultValue: string,
	description: string,
): INodeProperties => ({
	displayName,
	name,
	type: 'options',
	options: inputTypes,
	default: defaultValue,
	description,
});

/** Embed's own options (one definition) plus the two input types a vector store needs. */
const optionsDescription = optionsCollection([
	inputTypeOption(
		'Document Input Type',
		'documentInputType',
		'search_document',
		'Input type of the texts a vector store inserts',
	),
	inputTypeOption(
		'Query Input Type',
		'queryInputType',
		'search_query',
		'Input type of the texts a vector store searches with',
	),
	...pickOptions(embedOptions, [
		'concurrency',
		'maxTokens',
		'outputDimension',
		'priority',
		'truncate',
	]),
	...requestOptions,
]);

export class CohereEmbeddings implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Cohere Embeddings',
		name: 'cohereEmbeddings',
		icon: { light: 'file:../icons/cohere.svg', dark: 'file:../icons/cohere.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["model"].value ?? $parameter["model"] }}',
		description:
			'Cohere Embed v4 (and earlier) for vector stores: documents and queries with their own input types, 96 texts per request, through your Cohere credential',
		defaults: { name: 'Cohere Embeddings' },
		inputs: [],
		outputs: [NodeConnectionTypes.AiEmbedding],
		outputNames: ['Embeddings'],
		credentials: [{ name: 'cohereBearerApi', required: true }],
		properties: [
			modelLocator('searchEmbedModels', 'embed-v4.0', {
				description: 'The Cohere embedding model. Insert and search with the same model.',
			}),
			optionsDescription,
		],
	};

	methods = { listSearch };

	async supplyData(this: ISupplyDataFunctions, itemIndex: number): Promise<SupplyData> {
		const options = getOptions.call(this, itemIndex, optionsDescription);
		const model = getModelId.call(this, itemIndex);
		const settings = getRequestSettings.call(this, itemIndex);
		const embed = async (texts: string[], inputType: string) =>
			(
				await requestFloatEmbeddings.call(this, {
					model,
					inputType,
					texts,
					truncate: options.truncate as string | undefined,
					outputDimension: options.outputDimension ? Number(options.outputDimension) : undefined,
					maxTokens: options.maxTokens as number | undefined,
					priority: options.priority as number | undefined,
					settings,
				})
			).vectors;
		const client = new CohereEmbeddingsClient(embed, {
			documentInputType: (options.documentInputType as string | undefined) ?? 'search_document',
			queryInputType: (options.queryInputType as string | undefined) ?? 'search_query',
			concurrency: getBatching.call(this, 4).concurrency,
		});
		const dimensions = (vectors: number[][]) => vectors[0]?.length ?? 0;
		// What the vector store calls, recorded as runs of this node.
		const response = {
			embedDocuments: async (texts: string[]) =>
				await (recordSubNodeRun<number[][]>).call(
					this,
					NodeConnectionTypes.AiEmbedding,
					{ documents: texts.length },
					async () => await client.embedDocuments(texts),
					(vectors) => ({ embeddings: vectors.length, dimensions: dimensions(vectors) }),
				),
			embedQuery: async (query: string) =>
				await (recordSubNodeRun<number[]>).call(
					this,
					NodeConnectionTypes.AiEmbedding,
					{ query },
					async () => await client.embedQuery(query),
					(vector) => ({ dimensions: vector.length }),
				),
		};
		return { response };
	}
}
