/* What the tests know of this node: the words that find it, its panels, its subtitles, parameters that run. */
import type { NodeFacts } from './types';

export const facts: NodeFacts = {
	searchWords: ['parse', 'OCR', 'PDF', 'document'],
	panels: [
		{
			form: {},
			fields: ['model', 'inputSource', 'binaryPropertyName', 'outputFormat', 'simplify', 'options'],
		},
		{
			form: { inputSource: 'url' },
			fields: ['model', 'inputSource', 'imageUrl', 'outputFormat', 'simplify', 'options'],
		},
	],
	subtitles: [
		[{}, 'Parse to Markdown'],
		[{ outputFormat: 'blocks' }, 'Parse to layout blocks'],
	],
	working: {
		name: 'Parse',
		parameters: { inputSource: 'url', imageUrl: 'https://example.com/receipt.png' },
		batching: true,
	},
};
