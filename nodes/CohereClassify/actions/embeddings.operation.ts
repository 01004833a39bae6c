import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import type { EmbedEntry } from '../../shared/cohere/embedBatches';
import { planEntries, runBatches } from '../../shared/cohere/embedBatches';
import { asItemError, asNodeError, errorItem } from '../../shared/run/itemErrors';
import { getBatching } from '../../shared/run/runNode';
import { getModelId, perItemParameter, requireText } from '../../shared/parameters/parameters';
import type { RequestSettings } from '../../shared/transport';
import { getRequestSettings } from '../../shared/transport';
import { requestFloatEmbeddings } from '../../shared/cohere/embed';
import type { Example } from '../helpers/examples';
import { classification, getExamples } from '../helpers/examples';
import { modelLocator } from '../../shared/descriptions';
import { getOptions } from '../../shared/parameters/numbers';
import { optionsDescription } from './options.description';
import { LIMITS } from '../../shared/limits';

export const description = updateDisplayOptions({ show: { method: ['embeddings'] } }, [
	modelLocator('searchEmbedModels', 'embed-v4.0'),
]);

/** How sharply cosine similarities turn into confidences (softmax of similarity / temperature). */
const SOFTMAX_TEMPERATURE = 0.1;

function normalize(vector: number[]): number[] {
	const norm = Math.sqrt(vector.reduce((sum, v) => sum + v * v, 0)) || 1;
	return vector.map((v) => v / norm);
}

const dot = (a: number[], b: number[]) => a.reduce((sum, v, i) => sum + v * (b[i] ?? 0), 0);

/** Read (and checked) once, before any request: a wrong option is the user's error, not the examples'. */
interface EmbedSettings {
	options: IDataObject;
	model: string;
	concurrency: number;
	requestSettings: RequestSettings;
}

function readEmbedSettings(this: IExecuteFunctions): EmbedSettings {
	return {
		options: getOptions.call(this, 0, optionsDescription),
		model: getModelId.call(this, 0),
		concurrency: getBatching.call(this).concurrency,
		requestSettings: getRequestSettings.call(this, 0),
	};
}

interface EmbeddedTexts {
	vectors: Map<number, number[]>;
	/** Why an entry has no vector: the error of the request that carried it. */
	errors: Map<number, Error>;
}

/** Float embeddings for texts, 96 per request, several requests at a time. */
async function embedTexts(
	this: IExecuteFunctions,
	entries: EmbedEntry[],
	settings: EmbedSettings,
): Promise<EmbeddedTexts> {
	const { options, model, concurrency, requestSettings } = settings;
	const { results } = await runBatches.call(
		this,
		entries,
		{
			textBatchSize: LIMITS.embedInputsPerRequest,
			imageBatchSize: 1,
			maxImageBytes: 0,
			concurrency,
		},
		async (batch) => {
			const { vectors, response } = await requestFloatEmbeddings.call(this, {
				model,
				inputType: 'classification',
				texts: batch.map((entry) => entry.text as string),
				truncate: options.truncate as string | undefined,
				// Examples have negative indices: they are no input item, so an error names none.
				itemIndex: batch[0].itemIndex >= 0 ? batch[0].itemIndex : undefined,
				settings: requestSettings,
			});
			return { embeddings: vectors, response, billedTokens: 0 };
		},
	);
	const embedded: EmbeddedTexts = { vectors: new Map(), errors: new Map() };
	for (const { batch, result, error } of results) {
		batch.forEach((entry, i) => {
			if (result) embedded.vectors.set(entry.itemIndex, result.embeddings[i] as number[]);
			else if (error) embedded.errors.set(entry.itemIndex, error);
		});
	}
	return embedded;
}

/**
 * The examples' embeddings, or the reason they could not be had (which then fails every input). The error
 * belongs to no item, so it names none.
 */
async function embedExamples(
	this: IExecuteFunctions,
	examples: Example[],
	settings: EmbedSettings,
): Promise<{ vectors: number[][] } | { error: NodeApiError | NodeOperationError }> {
	const entries = examples.map((example, i) => ({ itemIndex: -1 - i, text: example.text }));
	let embedded: EmbeddedTexts;
	try {
		embedded = await embedTexts.call(this, entries, settings);
	} catch (error) {
		return { error: examplesError.call(this, error) };
	}
	const failure = [...embedded.errors.values()][0];
	if (failure) return { error: examplesError.call(this, failure) };
	return { vectors: entries.map((entry) => embedded.vectors.get(entry.itemIndex) as number[]) };
}

function examplesError(this: IExecuteFunctions, error: unknown): NodeApiError | NodeOperationError {
	const failure = asNodeError.call(this, error);
	if (failure.context) delete failure.context.itemIndex;
	failure.message = `The examples could not be embedded: ${failure.message}`;
	return failure;
}

/**
 * Classifies by embeddings: each label's centroid is the mean of its examples' normalized embeddings, and an
 * input gets the label whose centroid is nearest by cosine similarity, with softmaxed confidences.
 */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	// The examples are the same for every item: read and checked once, before any request.
	const { examples, labels } = getExamples.call(this, true);
	const input = perItemParameter.call(this, 'input');
	const plan = await planEntries.call(this, async (itemIndex) => ({
		itemIndex,
		text: requireText.call(this, input(itemIndex), 'Input', itemIndex),
	}));
	const settings = readEmbedSettings.call(this);
	const examplesOutcome = await embedExamples.call(this, examples, settings);
	if ('error' in examplesOutcome) {
		if (!this.continueOnFail()) throw examplesOutcome.error;
		// Without the examples no input can be classified: every item fails, with the real reason.
		return this.getInputData().map(
			(_, itemIndex) =>
				plan.failed.get(itemIndex) ??
				errorItem(asItemError.call(this, examplesOutcome.error, itemIndex), itemIndex),
		);
	}
	const exampleVectors = examplesOutcome.vectors;
	const centroids = labels.map((label) => {
		const members = examples
			.map((e, i) => (e.label === label ? normalize(exampleVectors[i]) : undefined))
			.filter(Boolean) as number[][];
		const mean = members[0].map(
			(_, d) => members.reduce((sum, v) => sum + v[d], 0) / members.length,
		);
		return normalize(mean);
	});
	const { vectors: inputVectors, errors: inputErrors } = await embedTexts.call(
		this,
		plan.entries,
		settings,
	);
	const texts = new Map(plan.entries.map((entry) => [entry.itemIndex, entry.text ?? '']));
	return this.getInputData().map((_, itemIndex) => {
		const failed = plan.failed.get(itemIndex);
		if (failed) return failed;
		const vector = inputVectors.get(itemIndex);
		const text = texts.get(itemIndex) ?? '';
		if (!vector) {
			// The request that carried the item failed (Continue On Fail): its error is the reason.
			const reason =
				inputErrors.get(itemIndex) ??
				new NodeOperationError(this.getNode(), `Item ${itemIndex} was not embedded`, {
					itemIndex,
				});
			return errorItem(asItemError.call(this, reason, itemIndex), itemIndex);
		}
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
