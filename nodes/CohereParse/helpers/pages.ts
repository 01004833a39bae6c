import type { IDataObject } from 'n8n-workflow';

import type { ParseResponse } from '../../shared/transport/responses';

/**
 * A parse answer as an item: in Markdown, every page's Markdown joined (what a chunker or Embed takes next)
 * and the pages with their images; in blocks, the pages with their blocks and bounding boxes.
 */
export function simplifyParse(response: ParseResponse): IDataObject {
	const pages = response.pages ?? [];
	if (pages.some((page) => page.type === 'blocks'))
		return { pages: pages.map((page) => ({ index: page.index, blocks: page.blocks ?? [] })) };
	return {
		markdown: pages.map((page) => page.markdown?.content ?? '').join('\n\n'),
		pages: pages.map((page) => ({
			index: page.index,
			markdown: page.markdown?.content ?? '',
			images: page.markdown?.images ?? [],
		})),
	};
}
