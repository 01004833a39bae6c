/* POST /v2/audio/transcriptions (and the compatibility API's). */
import { findModel } from '../models';
import type { EmulatorRequest, EmulatorResponse } from './common';
import { ApiError, invalid, ok } from './common';
import type { UploadedFile } from './store';

export const AUDIO_EXTENSIONS = ['flac', 'mp3', 'mpeg', 'mpga', 'ogg', 'wav'];
/** Cohere's limit for one audio file. */
export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

/**
 * POST /v2/audio/transcriptions (multipart: model, language, temperature, file). The "audio" the tests send
 * carries its words after a `SPEECH:` marker, which come back as the transcript; any other file gets a
 * transcript that names it, so that a test can tell which file was sent.
 */
export function transcription(req: EmulatorRequest): EmulatorResponse {
	const form = (req.body ?? {}) as {
		fields?: Record<string, string>;
		files?: Record<string, UploadedFile & { bytes?: number }>;
	};
	const fields = form.fields ?? {};
	const file = form.files?.file;
	const model = findModel(fields.model);
	if (!fields.model) throw invalid('missing required field: model');
	if (!model)
		throw new ApiError(
			404,
			`model '${fields.model}' not found, make sure the correct model ID was used`,
		);
	if (!/transcribe/.test(model.name))
		throw invalid(`model '${model.name}' does not support audio transcription`);
	if (!fields.language) throw invalid('missing required field: language');
	if (!/^[a-z]{2}$/.test(fields.language))
		throw invalid(`invalid language '${fields.language}': use an ISO-639-1 code`);
	if (fields.temperature !== undefined) {
		const temperature = Number(fields.temperature);
		if (!(temperature >= 0 && temperature <= 1))
			throw invalid('temperature must be between 0 and 1');
	}
	if (!file) throw invalid('missing required field: file');
	const extension = /\.([a-z0-9]+)$/i.exec(file.filename)?.[1]?.toLowerCase();
	if (!extension || !AUDIO_EXTENSIONS.includes(extension))
		throw invalid(`unsupported file extension: supported are ${AUDIO_EXTENSIONS.join(', ')}`);
	const bytes = file.bytes ?? Buffer.byteLength(file.content);
	if (bytes === 0) throw invalid('the audio file is empty');
	if (bytes > MAX_AUDIO_BYTES) throw invalid('the audio file is larger than 25MB');
	const spoken = /SPEECH:(.*)$/s.exec(file.content)?.[1]?.trim();
	return ok({
		text: spoken ?? `Transcript of ${file.filename} (${bytes} bytes, ${fields.language})`,
	});
}
