import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { emptyParameterError } from '../../shared/parameters/parameters';
import { keyMayGoTo } from '../../shared/transport';

/** A path goes below the Base URL; a full URL must be on the Base URL's origin, the only place the key goes (keyMayGoTo). */
export function resolveTarget(
	this: IExecuteFunctions,
	input: unknown,
	baseUrl: string,
	itemIndex: number,
): string {
	if (typeof input !== 'string') {
		// An expression mapped to a missing field, a number or an object.
		const got = input === undefined || input === null ? 'empty' : `a ${typeof input}, not a text`;
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Path or URL" is ${got} in item ${itemIndex}`,
			{
				itemIndex,
				description:
					'Give a path below the Base URL such as /v1/check-api-key, or a full URL on the Base URL host. When it comes from an expression, check the field exists in this item.',
			},
		);
	}
	const value = input.trim();
	if (!value)
		throw emptyParameterError.call(
			this,
			'Path or URL',
			itemIndex,
			'Give a path below the Base URL such as /v1/check-api-key, or a full URL on the Base URL host.',
		);
	if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return value.startsWith('/') ? value : `/${value}`;

	let target: URL;
	try {
		target = new URL(value);
	} catch {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Path or URL" is not a valid URL: ${value}`,
			{ itemIndex },
		);
	}
	const base = new URL(baseUrl);
	if (!keyMayGoTo(base.origin, target)) {
		throw new NodeOperationError(
			this.getNode(),
			`Refused to send the Cohere API key to ${target.origin}: a full URL must be on the credential's Base URL (${base.origin})`,
			{
				itemIndex,
				description:
					'Use a path such as /v1/classify, or change the Base URL in the credential if you use a gateway.',
			},
		);
	}
	return `${target.origin}${target.pathname}${target.search}`;
}
