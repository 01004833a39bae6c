import type { INode } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

/** Waits are cut in steps this long, so that a cancelled execution stops waiting at once. */
const WAIT_STEP_MS = 250;

/**
 * Sleeps `ms` with n8n's `sleep`, in short steps, and stops as soon as the execution is cancelled, with an
 * error that says what was being waited for ("waiting to retry", "waiting to send").
 */
export async function sleepUnlessCancelled(
	ms: number,
	signal: AbortSignal | undefined,
	node: INode,
	waitingFor: string,
): Promise<void> {
	const cancelled = () =>
		new NodeOperationError(node, `The execution was cancelled while ${waitingFor}`);
	for (let left = ms; left > 0; left -= WAIT_STEP_MS) {
		if (signal?.aborted) throw cancelled();
		await sleep(Math.min(left, WAIT_STEP_MS));
	}
	if (signal?.aborted) throw cancelled();
}

/** The execution's cancel signal, where the context has one (a node run; a dropdown has none). */
export function cancelSignal(context: object): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context
		? (
				context as { getExecutionCancelSignal(): AbortSignal | undefined }
			).getExecutionCancelSignal()
		: undefined;
}

/**
 * The same context without the cancel signal: n8n takes the signal from the context a request is sent
 * with and aborts every request of a cancelled execution; a request that cleans up after it (cancelling a
 * batch that execution started) is sent from this one. It has no run limiter either.
 */
export function detachedFromCancel<T extends object>(context: T): T {
	return Object.create(context, { getExecutionCancelSignal: { value: () => undefined } }) as T;
}
