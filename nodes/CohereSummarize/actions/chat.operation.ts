import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { modelLocator } from '../../shared/descriptions';
import { compact, getRequiredText } from '../../shared/parameters/parameters';
import { getOptions } from '../../shared/parameters/numbers';
import { addUsage, chatOnce, instructions, summarySettings, splitText } from '../helpers/summary';
import { optionsDescription } from './options.description';

export const description = updateDisplayOptions({ show: { method: ['chat'] } }, [
	modelLocator('searchChatModels', 'command-a-03-2025'),
]);

/** Summarizes with a chat model; texts longer than the part size are summarized in parts, then the parts summarized. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const text = getRequiredText.call(this, 'text', 'Text', itemIndex);
	const options = getOptions.call(this, itemIndex, optionsDescription);
	const current = summarySettings.call(this, itemIndex);
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
