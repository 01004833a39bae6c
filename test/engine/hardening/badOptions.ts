/* Option values every node that reads the shared options must refuse, naming the option. */
import type { IDataObject } from 'n8n-workflow';

export const badOptions: Array<[string, IDataObject, RegExp]> = [
	[
		'Timeout -1',
		{ timeout: -1 },
		/^The parameter "Timeout \(Seconds\)" must be a whole number from 1 to 86400, not -1/,
	],
	['Timeout 0', { timeout: 0 }, /"Timeout \(Seconds\)" must be .* not 0/],
	['Timeout 2,147,484', { timeout: 2147484 }, /"Timeout \(Seconds\)" must be .* not 2147484/],
	['Timeout NaN', { timeout: Number.NaN }, /"Timeout \(Seconds\)" must be .* not NaN/],
	[
		'Max Retries 1e9',
		{ maxRetries: 1e9 },
		/"Max Retries" must be a whole number from 0 to 10, not 1000000000/,
	],
	['Max Retries 1.5', { maxRetries: 1.5 }, /"Max Retries" must be .* not 1.5/],
	['Timeout as an object', { timeout: { s: 1 } }, /"Timeout \(Seconds\)" must be .* not \{"s":1\}/],
];
export const badBatching: Array<[string, IDataObject, RegExp]> = [
	[
		'Concurrent Requests NaN with a delay',
		{ concurrency: Number.NaN, batchDelay: 10 },
		/"Concurrent Requests" must be a whole number from 0 to 64, not NaN/,
	],
	['Concurrent Requests -1', { concurrency: -1 }, /"Concurrent Requests" must be .* not -1/],
	['Concurrent Requests 2.5', { concurrency: 2.5 }, /"Concurrent Requests" must be .* not 2.5/],
	['Concurrent Requests 65', { concurrency: 65 }, /"Concurrent Requests" must be .* not 65/],
	[
		'Delay Between Batches -5',
		{ batchDelay: -5 },
		/"Delay Between Batches \(Milliseconds\)" must be .* not -5/,
	],
];
