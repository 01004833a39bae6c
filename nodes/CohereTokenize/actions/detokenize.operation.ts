import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { asText, emptyParameterError, getModelId } from '../../shared/parameters/parameters';
import { cohereApiRequest } from '../../shared/transport';
import type { DetokenizeResponse } from '../../shared/transport/responses';

const properties: INodeProperties[] = [
	{
		displayName: 'IDs',
		name: 'ids',
		type: 'string',
		default: '={{ $json.tokens }}',
		required: true,
		description: 'The token IDs: an array, or a comma-separated list such as 1234, 5678',
	},
];

export const description = updateDisplayOptions(
	{ show: { operation: ['detokenize'] } },
	properties,
);

/** An array of token IDs from an array or a "1, 2, 3" string; anything else names the item. */
export function parseTokens(this: IExecuteFunctions, value: unknown, itemIndex: number): number[] {
	const list = Array.isArray(value)
		? value
		: asText(value)
				.split(',')
				.map((t) => t.trim())
				.filter(Boolean);
	// Only whole numbers, given as numbers or digits: Number(null), Number(true) and Number('') would
	// silently become token 0 or 1.
	const tokens = list.map((token: unknown) =>
		typeof token === 'number'
			? token
			: typeof token === 'string' && /^\s*\d+\s*$/.test(token)
				? Number(token)
				: Number.NaN,
	);
	const bad = tokens.findIndex((token) => !Number.isInteger(token) || token < 0);
	const description = 'Give whole numbers, as an array or separated by commas.';
	if (tokens.length === 0) throw emptyParameterError.call(this, 'IDs', itemIndex, description);
	if (bad >= 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Token ${bad + 1} of "IDs" in item ${itemIndex} is not a token ID: ${asText(list[bad]) || JSON.stringify(list[bad])}`,
			{ itemIndex, description },
		);
	}
	return tokens;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const tokens = parseTokens.call(this, this.getNodeParameter('ids', itemIndex, ''), itemIndex);
	const response = await (cohereApiRequest<DetokenizeResponse>).call(this, {
		method: 'POST',
		path: '/v1/detokenize',
		body: { tokens, model: getModelId.call(this, itemIndex) },
		itemIndex,
	});
	if (!this.getNodeParameter('simplify', itemIndex, true)) return [{ json: response }];
	return [{ json: { text: response.text as string } }];
}
