/* What tests of every kind share: a model or ID picked "By ID", items of text, the documented samples, and
 * a node as n8n passes it. */
import type { INodeExecutionData } from 'n8n-workflow';

import samples from './emulator/connector-samples.json';

/** A resource locator set "By ID", as n8n saves it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** One item per text, as `{ text }`. */
export const texts = (...list: string[]): INodeExecutionData[] =>
	list.map((text) => ({ json: { text } }));

/** A documented connector sample (its request and response), by title; a missing one fails the test. */
export function sample(title: string): { title: string; input: any; output: any } {
	const found = (samples as Array<{ title: string; input: any; output: any }>).find(
		(s) => s.title === title,
	);
	if (!found) throw new Error(`The documented sample "${title}" is missing`);
	return found;
}

/** A node for the errors the sources build, as n8n would pass it (unit tests, without n8n's engine). */
export const testNode = {
	id: 'n1',
	name: 'Cohere Test',
	type: 'n8n-nodes-cohere.cohereTest',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

/** How a workflow node refers to the example credential that points at the emulator (test/e2e/n8n-runtime.ts). */
export const EMULATOR_CREDENTIAL = {
	cohereBearerApi: { id: 'e2eCohereGoodKey', name: 'Cohere emulator' },
};

/**
 * A stand-in for a document photo, as the emulator's /v2/parse reads it: a PNG signature, then the page text
 * after a `TEXT:` marker (pages split by form feeds, `[figure: …]` for a picture).
 */
export const documentPhoto = (text: string): Buffer =>
	Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		Buffer.from(`TEXT:${text}`),
	]);
