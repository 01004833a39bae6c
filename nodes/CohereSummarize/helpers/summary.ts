import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { chatBody, contentText, sendChat } from '../../shared/cohere/chat';
import { asText, getModelId } from '../../shared/parameters/parameters';
import { getOptions } from '../../shared/parameters/numbers';
import { optionsDescription } from '../actions/options.description';

/** Cohere's /v1/summarize refuses shorter texts. */
export const MIN_SUMMARIZE_CHARACTERS = 250;

export interface Settings {
	length: string;
	format: string;
	extractiveness: string;
	additionalCommand: string;
	temperature?: number;
}

export function summarySettings(this: IExecuteFunctions, itemIndex: number): Settings {
	const options = getOptions.call(this, itemIndex, optionsDescription);
	return {
		length: this.getNodeParameter('length', itemIndex, 'auto') as string,
		format: this.getNodeParameter('format', itemIndex, 'auto') as string,
		extractiveness: this.getNodeParameter('extractiveness', itemIndex, 'auto') as string,
		additionalCommand: asText(this.getNodeParameter('additionalCommand', itemIndex, '')).trim(),
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

/** One chat request with the summary instructions as the system message. */
export async function chatOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	system: string,
	user: string,
	temperature?: number,
) {
	const body = chatBody(
		{
			model: getModelId.call(this, itemIndex),
			messages: [
				{ role: 'system', content: system },
				{ role: 'user', content: user },
			],
		},
		{ temperature },
	);
	const response = await sendChat.call(this, body, { itemIndex });
	const text = contentText(response.message?.content) ?? '';
	return {
		text: text.trim(),
		response,
		billed: response.usage?.billed_units ?? {},
	};
}

export function addUsage(total: IDataObject, billed: IDataObject) {
	for (const [key, value] of Object.entries(billed))
		total[key] = Number(total[key] ?? 0) + Number(value ?? 0);
}
