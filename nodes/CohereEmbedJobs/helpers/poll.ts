import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { waitUnlessCancelled } from '../../shared/transport';

/** Polls with backoff (1 s, 2 s, 4 s ... at most 30 s between reads) until `isDone` or the maximum wait. */
export async function pollUntil(
	this: IExecuteFunctions,
	read: () => Promise<IDataObject>,
	isDone: (state: IDataObject) => boolean,
	{
		maxWaitSeconds,
		itemIndex,
		what,
		firstDelayMs = 1000,
	}: { maxWaitSeconds: number; itemIndex: number; what: string; firstDelayMs?: number },
): Promise<IDataObject> {
	const deadline = Date.now() + maxWaitSeconds * 1000;
	let delay = firstDelayMs;
	for (;;) {
		const state = await read();
		if (isDone(state)) return state;
		const left = deadline - Date.now();
		if (left <= 0) {
			throw new NodeOperationError(
				this.getNode(),
				`${what} did not finish within ${maxWaitSeconds} s`,
				{
					itemIndex,
					description: `Last status: ${String(state.status ?? state.validation_status ?? 'unknown')}. Raise "Max Wait" or check again later with the Get operation.`,
				},
			);
		}
		await waitUnlessCancelled.call(this, Math.min(delay, left), this.getNode());
		delay = Math.min(delay * 2, 30_000);
	}
}
