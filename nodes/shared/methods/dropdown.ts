import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, ILoadOptionsFunctions } from 'n8n-workflow';

import { cohereApiRequest, DROPDOWN_SETTINGS } from '../transport';

/** What a dropdown loads, its failure said as "Could not load the <what>: <reason>" with the API's description. */
export async function forDropdown<T>(
	this: ILoadOptionsFunctions,
	what: string,
	load: () => Promise<T>,
): Promise<T> {
	try {
		return await load();
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`Could not load the ${what}: ${(error as Error).message}`,
			{ description: (error as { description?: string }).description },
		);
	}
}

/** Whether what the user typed is in any of these texts (no filter matches everything). */
export function matches(filter: string | undefined, ...texts: unknown[]): boolean {
	const needle = filter?.trim().toLowerCase();
	return (
		!needle ||
		texts.some((text) =>
			String(text ?? '')
				.toLowerCase()
				.includes(needle),
		)
	);
}

/** One GET for a dropdown, with the dropdowns' short timeout. */
export async function dropdownRequest<T>(
	this: ILoadOptionsFunctions,
	what: string,
	path: string,
	qs?: IDataObject,
): Promise<T> {
	return await (forDropdown<T>).call(
		this,
		what,
		async () =>
			(await cohereApiRequest.call(this, {
				method: 'GET',
				path,
				qs,
				settings: DROPDOWN_SETTINGS,
			})) as T,
	);
}
