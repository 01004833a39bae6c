import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { EmbedEntry } from '../../shared/helpers/embeddingBatches';
import { planEntries, runBatches } from '../../shared/helpers/embeddingBatches';
import { errorItem } from '../../shared/helpers/processItems';
import { compact, getModelId, perItemParameter } from '../../shared/helpers/parameters';
import { cohereApiRequest, getRequestSettings } from '../../shared/transport';
import type { Example } from './examples';
import { classification } from './examples';
import { readInput } from './inputs';

/** How sharply cosine similarities turn into confidences (softmax of similarity / temperature). */
const SOFTMAX_TEMPERATURE = 0.1;

function normalize(vector: number[]): number[] {
	const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0)) || 1;
	return vector.map((v) => v / norm);
}

const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);

/** Float embeddings for texts, 96 per request, several requests at a time. */
async function embedTexts(
	this: IExecuteFunctions,
	entries: EmbedEntry[],
): Promise<Map<number, number[]>> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const model = getModelId(this, 0);
	const { results } = await runBatches.call(
		this,
		entries,
		{
			textBatchSize: 96,
			imageBatchSize: 1,
			maxImageBytes: 0,
			concurrency: Number(options.concurrency ?? 4),
		},
		async (batch) => {
			const response = (await cohereApiRequest.call(this, {
				method: 'POST',
				path: '/v2/embed',
				body: compact({
					model,
					input_type: 'classification',
					texts: batch.map((entry) => entry.text as string),
					embedding_types: ['float'],
					truncate: options.truncate,
				}) as IDataObject,
				itemIndex: batch[0].itemIndex,
				settings: getRequestSettings.call(this, 0),
			})) as IDataObject;
			const embeddings = (response.embeddings as IDataObject | undefined)?.float as
				| number[][]
				| undefined;
			return { embeddings: embeddings ?? [], response, billedTokens: 0 };
		},
	);
	const vectors = new Map<number, number[]>();
	for (const { batch, result } of results)
		batch.forEach(
			(entry, i) => result && vectors.set(entry.itemIndex, result.embeddings[i] as number[]),
		);
	return vectors;
}

/**
 * Classifies by embeddings: each label's centroid is the mean of its examples' normalized embeddings, and an
 * input gets the label whose centroid is nearest by cosine similarity, with softmaxed confidences.
 */
export async function classifyByEmbeddings(
	this: IExecuteFunctions,
	examples: Example[],
	labels: string[],
): Promise<INodeExecutionData[]> {
	const input = perItemParameter(this, 'input');
	const plan = await planEntries.call(this, async (itemIndex) => ({
		itemIndex,
		text: readInput(this, input, itemIndex),
	}));
	// Examples get negative indices so that they never collide with items.
	const exampleVectors = await embedTexts.call(
		this,
		examples.map((example, i) => ({ itemIndex: -1 - i, text: example.text })),
	);
	const centroids = labels.map((label) => {
		const members = examples
			.map((e, i) => (e.label === label ? normalize(exampleVectors.get(-1 - i) ?? []) : undefined))
			.filter(Boolean) as number[][];
		const mean = members[0].map(
			(_, d) => members.reduce((sum, v) => sum + v[d], 0) / members.length,
		);
		return normalize(mean);
	});
	const inputVectors = await embedTexts.call(this, plan.entries);
	return this.getInputData().map((_, itemIndex) => {
		const failed = plan.failed.get(itemIndex);
		if (failed) return failed;
		const vector = inputVectors.get(itemIndex);
		const text = plan.entries.find((entry) => entry.itemIndex === itemIndex)?.text ?? '';
		if (!vector)
			return errorItem(new Error(`No embedding came back for item ${itemIndex}`), itemIndex);
		const similarities = centroids.map((centroid) => dot(normalize(vector), centroid));
		const exps = similarities.map((s) => Math.exp(s / SOFTMAX_TEMPERATURE));
		const total = exps.reduce((a, b) => a + b, 0);
		const confidences = Object.fromEntries(
			labels.map((label, i) => [label, Math.round((exps[i] / total) * 1e4) / 1e4]),
		);
		const prediction = labels[similarities.indexOf(Math.max(...similarities))];
		return {
			json: classification(text, prediction, labels, confidences),
			pairedItem: { item: itemIndex },
		};
	});
}
