import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { contentText } from '../../shared/helpers/chatContent';
import { asText, compact, getModelId, getRequiredText } from '../../shared/helpers/parameters';
import { cohereApiRequest } from '../../shared/transport';
import { getOptions } from '../../shared/helpers/numbers';
import { optionsDescription } from './options.description';

/** Cohere's /v1/summarize refuses shorter texts. */
export const MIN_SUMMARIZE_CHARACTERS = 250;

interface Settings {
	length: string;
	format: string;
	extractiveness: string;
	additionalCommand: string;
	temperature?: number;
}

function settings(context: IExecuteFunctions, itemIndex: number): Settings {
	const options = getOptions(context, itemIndex, optionsDescription);
	return {
		length: context.getNodeParameter('length', itemIndex, 'auto') as string,
		format: context.getNodeParameter('format', itemIndex, 'auto') as string,
		extractiveness: context.getNodeParameter('extractiveness', itemIndex, 'auto') as string,
		additionalCommand: asText(context.getNodeParameter('additionalCommand', itemIndex, '')).trim(),
		temperature: options.temperature as number | undefined,
	};
}

const LENGTH: Record<string, string> = {
	short: 'Keep it short: one or two sentences.',
	medium: 'Write three to five sentences.',
	long: 'Write a detailed summary of several paragraphs.',
};
const FORMAT: Record<string, string> = {
	paragraph: 'Write it as one paragraph.',
	bullets: 'Write it as a list of bullet points, each starting with "- ".',
};
const EXTRACTIVENESS: Record<string, string> = {
	low: 'Paraphrase in your own words.',
	medium: 'Mix your own words with phrases taken from the text.',
	high: 'Reuse sentences from the text as much as possible.',
};

/** The documented summarize options as instructions for a chat model. */
export function instructions({
	length,
	format,
	extractiveness,
	additionalCommand,
}: Settings): string {
	return [
		'You write summaries of texts.',
		LENGTH[length],
		FORMAT[format],
		EXTRACTIVENESS[extractiveness],
		additionalCommand,
	]
		.filter(Boolean)
		.join(' ');
}

/** Splits a long text at paragraph, then sentence, then word boundaries into parts of at most `size` characters. */
export function splitText(text: string, size: number): string[] {
	const parts: string[] = [];
	let rest = text.trim();
	while (rest.length > size) {
		const window = rest.slice(0, size);
		const cut = Math.max(
			window.lastIndexOf('\n\n'),
			window.lastIndexOf('. '),
			window.lastIndexOf(' '),
		);
		const end = cut > size / 2 ? cut + 1 : size;
		parts.push(rest.slice(0, end).trim());
		rest = rest.slice(end).trim();
	}
	if (rest) parts.push(rest);
	return parts;
}

async function chatOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	system: string,
	user: string,
	temperature?: number,
) {
	const response = (await cohereApiRequest.call(this, {
		method: 'POST',
		path: '/v2/chat',
		body: compact({
			model: getModelId(this, itemIndex),
			messages: [
				{ role: 'system', content: system },
				{ role: 'user', content: user },
			],
			temperature,
		}) as IDataObject,
		itemIndex,
	})) as IDataObject;
	const text = contentText((response.message as IDataObject | undefined)?.content) ?? '';
	return {
		text: text.trim(),
		response,
		billed: ((response.usage as IDataObject | undefined)?.billed_units ?? {}) as IDataObject,
	};
}

function addUsage(total: IDataObject, billed: IDataObject) {
	for (const [key, value] of Object.entries(billed))
		total[key] = Number(total[key] ?? 0) + Number(value ?? 0);
}

/** Summarizes with a chat model; texts longer than the part size are summarized in parts, then the parts summarized. */
export async function executeChat(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const text = getRequiredText(this, 'text', 'Text', itemIndex);
	const options = getOptions(this, itemIndex, optionsDescription);
	const current = settings(this, itemIndex);
	const system = instructions(current);
	const usage: IDataObject = {};
	const parts = splitText(text, Number(options.maxPartCharacters ?? 60000));
	let summaryInput = text;
	let prompt = 'Summarize this text:';
	if (parts.length > 1) {
		const partSummaries: string[] = [];
		for (const [index, part] of parts.entries()) {
			const result = await chatOnce.call(
				this,
				itemIndex,
				'You write faithful summaries of parts of a longer text.',
				`Summarize part ${index + 1} of ${parts.length} of a longer text:\n\n${part}`,
				current.temperature,
			);
			addUsage(usage, result.billed);
			partSummaries.push(result.text);
		}
		summaryInput = partSummaries.join('\n\n');
		prompt = `These are summaries of the ${parts.length} parts of one text, in order. Summarize the whole text from them:`;
	}
	const final = await chatOnce.call(
		this,
		itemIndex,
		system,
		`${prompt}\n\n${summaryInput}`,
		current.temperature,
	);
	addUsage(usage, final.billed);
	if (!this.getNodeParameter('simplify', itemIndex, true)) return [{ json: final.response }];
	return [
		{
			json: compact({
				summary: final.text,
				parts: parts.length > 1 ? parts.length : undefined,
				usage,
			}),
		},
	];
}

/** POST /v1/summarize, the legacy endpoint, with the documented fields. */
export async function executeEndpoint(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const text = getRequiredText(this, 'text', 'Text', itemIndex);
	if (text.trim().length < MIN_SUMMARIZE_CHARACTERS) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Text" of item ${itemIndex} has ${text.trim().length} characters; /v1/summarize needs at least 250`,
			{
				itemIndex,
				description: 'Use the Chat method for short texts.',
			},
		);
	}
	const current = settings(this, itemIndex);
	const auto = (value: string) => (value === 'auto' ? undefined : value);
	const response = (await cohereApiRequest.call(this, {
		method: 'POST',
		path: '/v1/summarize',
		body: compact({
			text,
			length: auto(current.length),
			format: auto(current.format),
			model: getModelId(this, itemIndex, 'summarizeModel', false) || undefined,
			extractiveness: auto(current.extractiveness),
			temperature: current.temperature,
			additional_command: current.additionalCommand || undefined,
		}) as IDataObject,
		itemIndex,
	})) as IDataObject;
	if (!this.getNodeParameter('simplify', itemIndex, true)) return [{ json: response }];
	return [
		{
			json: compact({
				summary: response.summary as string,
				usage: (response.meta as IDataObject | undefined)?.billed_units,
			}),
		},
	];
}
