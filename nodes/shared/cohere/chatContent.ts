import type { IDataObject } from 'n8n-workflow';

/** The parts of a /v2/chat message's content of one type ("text", "thinking"), joined; undefined when none. */
export function contentText(content: unknown, type = 'text'): string | undefined {
	if (!Array.isArray(content)) return undefined;
	const parts = content
		.filter((part: IDataObject) => part.type === type)
		.map((part: IDataObject) => String(part[type] ?? part.text ?? ''));
	return parts.length ? parts.join('') : undefined;
}
