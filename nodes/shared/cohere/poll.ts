import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { sleepUnlessCancelled } from '../transport/wait';

/** Longest pause between two status reads. */
const MAX_POLL_DELAY_MS = 30_000;

/**
 * Polls with backoff (the first delay, doubled after each read, at most 30 s between reads) until `isDone` or
 * the maximum wait. A cancelled execution stops the wait at once; `onTimeout` may act (cancel the job) before
 * the timeout error is thrown.
 */
export async function pollUntil(
	this: IExecuteFunctions,
	read: () => Promise<IDataObject>,
	isDone: (state: IDataObject) => boolean,
	{
		maxWaitSeconds,
		itemIndex,
		what,
		firstDelayMs = 1000,
		getHint = () => 'Raise "Max Wait" or check again later with the Get operation.',
	}: {
		maxWaitSeconds: number;
		itemIndex: number;
		what: string;
		firstDelayMs?: number;
		getHint?: (state: IDataObject) => string;
	},
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
					description: `Last status: ${String(state.status ?? state.validation_status ?? 'unknown')}. ${getHint(state)}`,
				},
			);
		}
		await sleepUnlessCancelled(
			Math.min(delay, left),
			this.getExecutionCancelSignal(),
			this.getNode(),
			`waiting for ${what}`,
		);
		delay = Math.min(delay * 2, MAX_POLL_DELAY_MS);
	}
}
