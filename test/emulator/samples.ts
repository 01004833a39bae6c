import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** One documented operation of `connector-operations-sample-payloads.txt`: its sample input and output. */
export interface ConnectorSample {
	title: string;
	input: Record<string, unknown>;
	output: Record<string, unknown>;
}

export const REFERENCE_FILE = path.resolve(
	__dirname,
	'../../../shared/reference/connector-operations-sample-payloads.txt',
);

/**
 * The reference file is a copy of a web page: each JSON line is preceded by its line number and each
 * section title is followed by "Copy".
 */
export function parseConnectorSamples(text: string): ConnectorSample[] {
	const lines = text.split('\n');
	const samples: ConnectorSample[] = [];
	let i = 0;
	const readJson = (): Record<string, unknown> => {
		// Lines come in pairs: the line number (1, 2, 3, ...), then the JSON text of that line.
		const parts: string[] = [];
		while (i < lines.length && lines[i].trim() === '') i++;
		let lineNumber = 1;
		while (i + 1 < lines.length && lines[i].trim() === String(lineNumber)) {
			parts.push(lines[i + 1]);
			i += 2;
			lineNumber++;
		}
		while (i < lines.length && lines[i].trim() === '') i++;
		return JSON.parse(parts.join('\n')) as Record<string, unknown>;
	};
	let title = '';
	while (i < lines.length) {
		if (lines[i + 1] === 'Copy') title = lines[i];
		if (lines[i] === 'Sample Input') {
			i++;
			const input = readJson();
			if (lines[i] !== 'Sample Output') throw new Error(`No sample output after "${title}"`);
			i++;
			const output = readJson();
			samples.push({ title, input, output });
			continue;
		}
		i++;
	}
	return samples;
}

export function readReferenceSamples(): ConnectorSample[] | undefined {
	return existsSync(REFERENCE_FILE)
		? parseConnectorSamples(readFileSync(REFERENCE_FILE, 'utf8'))
		: undefined;
}
