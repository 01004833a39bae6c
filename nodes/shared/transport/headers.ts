import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** RFC 9110 token characters: what a header name may hold. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Header names and values that the HTTP client would refuse with an obscure error are refused here, by name. */
export function checkHeaders(node: INode, headers: IDataObject, itemIndex?: number): void {
	for (const [name, value] of Object.entries(headers)) {
		const where = itemIndex === undefined ? '' : ` (item ${itemIndex})`;
		if (!HEADER_NAME.test(name)) {
			throw new NodeOperationError(
				node,
				`The header name "${name.replace(/[\r\n]/g, '\\n')}" is not valid${where}`,
				{
					itemIndex,
					description:
						'A header name is one word of letters, digits and - (e.g. X-Trace-Id), without ":", spaces or line breaks; put the value in the Value field.',
				},
			);
		}
		if (/[\r\n\0]/.test(String(value ?? ''))) {
			throw new NodeOperationError(
				node,
				`The value of header "${name}" contains a line break${where}`,
				{ itemIndex, description: 'Header values must be on one line.' },
			);
		}
	}
}

/** One response header, whatever its case and whether the client gave it as a list. */
export function headerValue(headers: IDataObject, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	if (value === undefined || value === null) return undefined;
	return String(Array.isArray(value) ? value[0] : value);
}
