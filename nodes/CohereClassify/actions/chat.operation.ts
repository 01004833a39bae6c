import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { chatBody, contentText, responseFormatBody, sendChat } from '../../shared/cohere/chat';
import { getModelId, perItemParameter, requireText } from '../../shared/parameters/parameters';
import { getBatching } from '../../shared/run/runNode';
import { processItems } from '../../shared/run/processItems';
import type { Example } from '../helpers/examples';
import { classification, getExamples } from '../helpers/examples';
import { modelLocator } from '../../shared/descriptions';

export const description = updateDisplayOptions({ show: { method: ['chat'] } }, [
	modelLocator('searchChatModels', 'command-a-03-2025', {
		name: 'chatModel',
	}),
]);

/** The instructions: the allowed labels, and the examples as few-shot lines "- text => label". */
export function classifierPrompt(examples: Example[], labels: string[]): string {
	return [
		`Classify the text you are given into exactly one of these labels: ${labels.join(', ')}.`,
		'Answer with a JSON object {"label": "<one of the labels>"}.',
		'Examples:',
		...examples.map((example) => `- ${example.text.replace(/\s+/g, ' ')} => ${example.label}`),
	].join('\n');
}

/** A chat model picks one label, constrained by a JSON Schema whose label is an enum of the allowed labels. */
export async function executeAll(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	// The examples are the same for every item: read and checked once, before any request.
	const { examples, labels } = getExamples.call(this, true);
	const input = perItemParameter.call(this, 'input');
	const system = classifierPrompt(examples, labels);
	const labelSchema = {
		type: 'object',
		properties: { label: { type: 'string', enum: labels } },
		required: ['label'],
	};
	return await processItems.call(
		this,
		async function (this: IExecuteFunctions, itemIndex: number) {
			const text = requireText.call(this, input(itemIndex), 'Input', itemIndex);
			const body = chatBody(
				{
					model: getModelId.call(this, itemIndex, 'chatModel'),
					messages: [
						{ role: 'system', content: system },
						{ role: 'user', content: text },
					],
					responseFormat: responseFormatBody('json_schema', () => labelSchema, 'cohere'),
				},
				{ temperature: 0 },
			);
			const response = await sendChat.call(this, body, { itemIndex });
			const answer = contentText(response.message?.content) ?? '';
			let label: unknown;
			try {
				label = (JSON.parse(answer) as IDataObject).label;
			} catch {
				label = undefined;
			}
			if (typeof label !== 'string' || !labels.includes(label)) {
				throw new NodeOperationError(
					this.getNode(),
					`The model did not answer one of the labels for item ${itemIndex}`,
					{
						itemIndex,
						description: `Answer: ${answer.slice(0, 300)}`,
					},
				);
			}
			return [{ json: classification(text, label, labels) }];
		},
		getBatching.call(this),
	);
}
