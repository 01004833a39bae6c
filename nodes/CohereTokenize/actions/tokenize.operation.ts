import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { getModelId, getRequiredText } from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import type { TokenizeResponse } from '../../shared/transport/responses';
import { LIMITS } from '../../shared/limits';

/** Cohere tokenizes at most 65,536 characters per request. */

const properties: INodeProperties[] = [
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '={{ $json.text }}',
		required: true,
		description: 'The text to split into tokens (at most 65,536 characters)',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['tokenize'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const text = getRequiredText.call(this, 'text', 'Text', itemIndex);
	if (text.length > LIMITS.tokenizeCharacters) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Text" of item ${itemIndex} has ${text.length.toLocaleString('en-US')} characters; Cohere tokenizes at most 65,536`,
			{
				itemIndex,
				description: 'Split the text first, e.g. with a Code node, and tokenize the parts.',
			},
		);
	}
	const response = await (cohereApiRequest<TokenizeResponse>).call(this, {
		method: 'POST',
		path: '/v1/tokenize',
		body: { text, model: getModelId.call(this, itemIndex) },
		itemIndex,
	});
	if (!this.getNodeParameter('simplify', itemIndex, true)) return [{ json: response }];
	const tokens = (response.tokens ?? []) as number[];
	return [
		{
			json: {
				tokens,
				token_strings: response.token_strings as string[],
				token_count: tokens.length,
			},
		},
	];
}
