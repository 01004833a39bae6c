import type { INodeProperties } from 'n8n-workflow';

/** The languages Cohere Transcribe covers (docs.cohere.com/docs/transcribe), by their ISO-639-1 codes. */
const LANGUAGES: Array<[string, string]> = [
	['Arabic', 'ar'],
	['Chinese', 'zh'],
	['Dutch', 'nl'],
	['English', 'en'],
	['French', 'fr'],
	['German', 'de'],
	['Greek', 'el'],
	['Italian', 'it'],
	['Japanese', 'ja'],
	['Korean', 'ko'],
	['Polish', 'pl'],
	['Portuguese', 'pt'],
	['Spanish', 'es'],
	['Vietnamese', 'vi'],
];

/** The audio, the language and the shape of the output: the same in both API forms. */
export const transcribeProperties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'FLAC, MP3, MPEG, MPGA, OGG or WAV, up to 25 MB',
		description: 'The binary property of each item that holds its audio file',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: LANGUAGES.map(([name, value]) => ({ name, value })),
		default: 'en',
		description:
			'The language spoken in the audio (Cohere needs it). With an expression: an ISO-639-1 code such as "en".',
	},
	{
		displayName: 'Simplify Output',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description:
			"Whether to return the item's JSON with the transcript in `text`, instead of the API response alone",
	},
];
