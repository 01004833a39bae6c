import type { IDataObject } from 'n8n-workflow';
import { jsonParse } from 'n8n-workflow';

import { isAvroContainer, readAvroContainer } from './avro';

/**
 * The rows of one dataset part, by its content: an Avro object container file, as Cohere serves parts, or
 * JSONL, as some gateways do. Throws an Error saying where the part is not what it claims to be.
 */
export async function readDatasetPart(
	body: Uint8Array | ArrayBuffer | string,
): Promise<IDataObject[]> {
	// n8n's HTTP helper gives a Buffer for an array buffer response; other versions or hosts may not.
	const bytes =
		typeof body === 'string'
			? new TextEncoder().encode(body)
			: body instanceof Uint8Array
				? body
				: new Uint8Array(body);
	if (isAvroContainer(bytes)) {
		const records = await readAvroContainer(bytes).catch(
			(error: Error) => new Error(`is not a readable Avro file: ${error.message}`),
		);
		if (records instanceof Error) throw records;
		return records.map((record, index) => {
			if (typeof record !== 'object' || record === null || Array.isArray(record))
				throw new Error(`holds a record ${index + 1} that is not an object`);
			return record as IDataObject;
		});
	}
	const rows: IDataObject[] = [];
	for (const [line, content] of new TextDecoder().decode(bytes).split('\n').entries()) {
		if (!content.trim()) continue;
		const row = jsonParse<unknown>(content, { fallbackValue: null });
		if (typeof row !== 'object' || row === null || Array.isArray(row))
			throw new Error(`is neither Avro nor JSONL (line ${line + 1} is not a JSON object)`);
		rows.push(row as IDataObject);
	}
	return rows;
}
