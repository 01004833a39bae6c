import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getJsonParameter } from '../../shared/parameters/parameters';

const TOOL_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Tool definitions from the "Tools" parameter, in the function format both Cohere v2 and OpenAI-compatible
 * APIs take. The shorthand `{ name, description, parameters }` is accepted too.
 */
export function getTools(this: IExecuteFunctions, itemIndex: number): IDataObject[] | undefined {
	const tools = getJsonParameter.call(this, 'tools', 'Tools', itemIndex);
	// An empty list (the field's default) means no tools.
	if (tools === undefined || (Array.isArray(tools) && tools.length === 0)) return undefined;
	const list = Array.isArray(tools) ? tools : [tools];
	return list.map((tool, position) => {
		const definition = (
			tool && typeof tool === 'object' && 'function' in tool ? (tool as IDataObject).function : tool
		) as IDataObject;
		const name = definition?.name;
		if (typeof name !== 'string' || !TOOL_NAME.test(name)) {
			throw new NodeOperationError(
				this.getNode(),
				`Tool ${position + 1} in "Tools" of item ${itemIndex} needs a "name" of letters, digits and _ (not starting with a digit)`,
				{ itemIndex },
			);
		}
		const parameters = definition.parameters ?? { type: 'object', properties: {} };
		if (typeof parameters !== 'object' || Array.isArray(parameters)) {
			throw new NodeOperationError(
				this.getNode(),
				`Tool "${name}" in "Tools" of item ${itemIndex} has "parameters" that are not a JSON Schema object`,
				{ itemIndex },
			);
		}
		return {
			type: 'function',
			function: {
				name,
				...(definition.description ? { description: definition.description } : {}),
				parameters,
			},
		};
	});
}
