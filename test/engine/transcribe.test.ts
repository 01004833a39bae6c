/* Cohere Transcribe: speech to text from each item's binary audio, through n8n's engine and the emulator. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { parseMultipart } from '../emulator/server';
import { listSearch, runNode } from './harness';
import { useEmulator } from './setup';
import { byId } from '../fixtures';

const ctx = useEmulator();

/** A stand-in for a recording: the emulator transcribes the words after `SPEECH:`. */
const audio = (words: string, mimeType = 'audio/wav', fileName = 'call.wav') => ({
	data: Buffer.from(`RIFF....WAVEfmt SPEECH: ${words}`).toString('base64'),
	mimeType,
	fileName,
});

function transcribe(
	parameters: IDataObject,
	items: INodeExecutionData[],
	{ continueOnFail = false } = {},
) {
	return runNode({
		type: 'cohereTranscribe',
		parameters: { model: byId('cohere-transcribe-03-2026'), ...parameters },
		credentials: ctx.credentials(),
		items,
		continueOnFail,
	});
}

/** The multipart form the emulator received, parsed from the raw bytes. */
function sentForms(path = '/v2/audio/transcriptions') {
	return ctx.emulator.requestsTo(path).map((request) => {
		const contentType = String(request.headers['content-type']);
		const boundary = /boundary=([^;]+)/.exec(contentType)?.[1] ?? '';
		return { contentType, ...parseMultipart(request.rawBody, boundary) };
	});
}

describe('Cohere Transcribe', () => {
	test('one multipart POST per item with model, language and the file; the transcript joins the item', async () => {
		const run = await transcribe({ language: 'de' }, [
			{ json: { from: '+49 170 000' }, binary: { data: audio('Guten Tag, hier ist Anna.') } },
		]);
		expect(run.error).toBeUndefined();
		expect(run.items).toEqual([
			{ json: { from: '+49 170 000', text: 'Guten Tag, hier ist Anna.' }, pairedItem: { item: 0 } },
		]);
		const [form] = sentForms();
		expect(form.contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(form.fields).toEqual({ model: 'cohere-transcribe-03-2026', language: 'de' });
		expect(form.files.file.filename).toBe('call.wav');
		expect(form.files.file.content).toBe('RIFF....WAVEfmt SPEECH: Guten Tag, hier ist Anna.');
		expect(ctx.emulator.requestsTo('/v2/audio/transcriptions')[0].rawBody).toContain(
			'Content-Disposition: form-data; name="file"; filename="call.wav"\r\nContent-Type: audio/wav',
		);
	});

	test('the English default, a temperature when set, another binary property, Simplify off', async () => {
		const run = await transcribe(
			{ binaryPropertyName: 'voice', simplify: false, options: { temperature: 0.2 } },
			[{ json: { keep: 'out' }, binary: { voice: audio('hello', 'audio/mpeg', 'memo.mp3') } }],
		);
		expect(run.items[0].json).toEqual({ text: 'hello' });
		const [form] = sentForms();
		expect(form.fields).toEqual({
			model: 'cohere-transcribe-03-2026',
			language: 'en',
			temperature: '0.2',
		});
		expect(form.files.file.filename).toBe('memo.mp3');
	});

	test('a Telegram voice note (audio/ogg named .oga) goes as .ogg; a file without a type by its extension', async () => {
		const run = await transcribe({}, [
			{ json: {}, binary: { data: audio('voice note', 'audio/ogg', 'file_12.oga') } },
			{ json: {}, binary: { data: audio('flac', 'application/octet-stream', 'take.FLAC') } },
		]);
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.json.text)).toEqual(['voice note', 'flac']);
		const forms = sentForms();
		expect(forms.map((form) => form.files.file.filename).sort()).toEqual([
			'file_12.ogg',
			'take.flac',
		]);
		expect(ctx.emulator.requestsTo('/v2/audio/transcriptions')[1].rawBody).toMatch(
			/Content-Type: audio\/(ogg|flac)/,
		);
	});

	test('a file recognised by its extension goes with the type of its format, not the wrong one it came with', async () => {
		const run = await transcribe({}, [
			{ json: {}, binary: { data: audio('typed wrong', 'text/plain', 'note.wav') } },
		]);
		expect(run.items[0].json.text).toBe('typed wrong');
		expect(ctx.emulator.requestsTo('/v2/audio/transcriptions')[0].rawBody).toContain(
			'filename="note.wav"\r\nContent-Type: audio/wav\r\n',
		);
	});

	test('bad input is refused before sending, naming the item; with Continue On Fail the rest go through', async () => {
		const big = { ...audio('x'), data: Buffer.alloc(25 * 1024 * 1024 + 1, 65).toString('base64') };
		const items: INodeExecutionData[] = [
			{ json: { n: 0 }, binary: { data: audio('first') } },
			{ json: { n: 1 } },
			{
				json: { n: 2 },
				binary: { data: { data: '', mimeType: 'audio/wav', fileName: 'empty.wav' } },
			},
			{ json: { n: 3 }, binary: { data: audio('m4a', 'audio/mp4', 'memo.m4a') } },
			{ json: { n: 4 }, binary: { data: big } },
			{ json: { n: 5 }, binary: { data: audio('last') } },
		];
		const run = await transcribe({}, items, { continueOnFail: true });
		expect(run.error).toBeUndefined();
		expect(run.items.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(run.items[0].json.text).toBe('first');
		expect(run.items[5].json.text).toBe('last');
		expect(run.items[1].json.error).toBe(
			'Item 1 has no binary property "data" (from "Input Binary Field")',
		);
		expect(run.items[2].json.error).toBe('Binary property "data" of item 2 is empty (0 bytes)');
		expect(run.items[3].json.error).toBe(
			'Binary property "data" of item 3 is audio/mp4 ("memo.m4a"), which Cohere cannot transcribe',
		);
		expect(run.items[3].json.description).toContain('FLAC, MP3, MPEG, MPGA, OGG or WAV');
		expect(run.items[4].json.error).toMatch(/item 4 .* too large: more than 25 MB/);
		// Only the two good files were sent.
		expect(ctx.emulator.requestsTo('/v2/audio/transcriptions')).toHaveLength(2);
	});

	test('without Continue On Fail the first bad item stops the node, and a wrong language is refused', async () => {
		const run = await transcribe({}, [{ json: {} }]);
		expect(run.error?.message).toBe(
			'Item 0 has no binary property "data" (from "Input Binary Field")',
		);
		const language = await transcribe({ language: '={{ "english" }}' }, [
			{ json: {}, binary: { data: audio('x') } },
		]);
		expect(language.error?.message).toBe(
			'The parameter "Language" must be an ISO-639-1 code such as "en", not "english" (item 0)',
		);
		expect(ctx.emulator.requestsTo('/v2/audio/transcriptions')).toHaveLength(0);
	});

	test('a Temperature out of range is refused naming the option', async () => {
		const run = await transcribe({ options: { temperature: 2 } }, [
			{ json: {}, binary: { data: audio('x') } },
		]);
		expect(run.error?.message).toMatch(/"Temperature" must be .*from 0 to 1.*not 2/);
	});

	test("Cohere's errors come back in plain words (a chat model is not a transcription model)", async () => {
		const run = await transcribe({ model: byId('command-a-03-2025') }, [
			{ json: {}, binary: { data: audio('x') } },
		]);
		expect(run.error?.message).toContain('400');
		expect(run.error?.description).toContain('does not support audio transcription');
	});

	test('OpenAI-compatible: the same form to {API Path}/audio/transcriptions', async () => {
		const run = await transcribe(
			{
				api: 'openai',
				compatibleModel: 'cohere-transcribe-03-2026',
				compatiblePath: '/compatibility/v1/',
			},
			[{ json: { id: 7 }, binary: { data: audio('compat') } }],
		);
		expect(run.items[0].json).toEqual({ id: 7, text: 'compat' });
		const [form] = sentForms('/compatibility/v1/audio/transcriptions');
		expect(form.fields).toEqual({ model: 'cohere-transcribe-03-2026', language: 'en' });
	});

	test('many recordings: several at once (Auto), in order and paired', async () => {
		ctx.emulator.latencyMs = 40;
		const items = Array.from({ length: 12 }, (_, i) => ({
			json: { i },
			binary: { data: audio(`recording ${i}`) },
		}));
		const run = await transcribe({}, items);
		expect(run.items.map((item) => [item.json.text, item.pairedItem])).toEqual(
			items.map((_, i) => [`recording ${i}`, { item: i }]),
		);
		expect(ctx.emulator.maxInFlight).toBe(12);
	});

	test('the Model dropdown lists the transcription models only, by name', async () => {
		const all = await listSearch('cohereTranscribe', 'searchTranscribeModels', ctx.credentials());
		expect(all.results.map((r) => r.value)).toEqual([
			'cohere-transcribe-03-2026',
			'cohere-transcribe-arabic-07-2026',
		]);
		const arabic = await listSearch(
			'cohereTranscribe',
			'searchTranscribeModels',
			ctx.credentials(),
			'arabic',
		);
		expect(arabic.results.map((r) => r.value)).toEqual(['cohere-transcribe-arabic-07-2026']);
	});
});
