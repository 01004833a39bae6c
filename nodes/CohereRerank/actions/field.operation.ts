import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { asText, getRequiredText } from '../../shared/parameters/parameters';
import { getNumberParameter } from '../../shared/parameters/numbers';
import { rankDocuments } from '../../shared/cohere/rerank';
import { optionsDescription, topNProperty } from './options.description';

/** Documents From → An Array Field of Each Item: each item's documents ranked on their own. */
export const description = updateDisplayOptions({ show: { source: ['field'] } }, [
	{
		displayName: 'Documents',
		name: 'documentsField',
		type: 'string',
		default: '={{ $json.documents }}',
		description: 'An array of texts or objects to rank',
	},
]);

/** An array of documents in each item (e.g. a vector store's matches): one output item per ranked document. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const query = getRequiredText.call(this, 'query', 'Query', itemIndex);
	const documents = this.getNodeParameter('documentsField', itemIndex, []) as unknown;
	if (!Array.isArray(documents)) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Documents" must be an array in item ${itemIndex}`,
			{
				itemIndex,
				description: 'Map it to an array field, e.g. {{ $json.documents }}.',
			},
		);
	}
	if (documents.length === 0) return [];
	const texts = documents.map(asText);
	const empty = texts.findIndex((text) => !text.trim());
	if (empty >= 0) {
		throw new NodeOperationError(
			this.getNode(),
			`Document ${empty} of "Documents" is empty in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	const topN = getNumberParameter.call(this, topNProperty, itemIndex);
	const { ranking, responses } = await rankDocuments.call(
		this,
		{ query, documents: texts, topN, optionsProperty: optionsDescription },
		itemIndex,
	);
	if (this.getNodeParameter('output', itemIndex, 'items') === 'raw') {
		return [{ json: { results: ranking, responses } }];
	}
	return ranking.map(({ index, relevance_score }) => ({
		json: { document: documents[index] as IDataObject, relevance_score, original_index: index },
	}));
}
