/* Transcribe in the real n8n. */
import { check, expectEqual, expectTrue } from '../../checks';
import { checkRanWithoutError, execute } from '../checks';
import { n8n } from '../n8n-runtime';
import type { Scenario } from './types';

export async function transcribe(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log("\nCohere Transcribe: a voice note made by n8n's Convert to File");
	emulator.reset();
	// A gateway's 429 that asks for 1.2 s: waited out, and the node says so as an execution hint.
	emulator.addFault({
		path: '/v2/audio/transcriptions',
		status: 429,
		headers: { 'retry-after-ms': '1200' },
	});
	const voice = await execute(userFolder, 'e2eCohereTranscribe', version);
	checkRanWithoutError(voice);
	check("the wait for the rate limit is told as an execution hint, with the limit's endpoint", () =>
		expectTrue(
			voice
				.hints('Cohere Transcribe')
				.some(
					(hint) =>
						/^Paced by Cohere's rate limit: requests waited 1 s in all/.test(hint.message) &&
						hint.message.includes('POST /v2/audio/transcriptions'),
				),
			`hints: ${JSON.stringify(voice.hints('Cohere Transcribe'))}`,
		),
	);
	check(
		'the transcript of the voice note, sent as multipart with the language, .oga as .ogg',
		() => {
			expectEqual(
				voice.output('Cohere Transcribe').map((i) => i.json.text),
				['Hallo, ich rufe wegen der Rechnung an.'],
				'transcript',
			);
			const [request] = emulator.requestsTo('/v2/audio/transcriptions');
			expectTrue(request !== undefined, 'one transcription request');
			const raw = request.rawBody;
			expectTrue(
				raw.includes('name="language"\r\n\r\nde\r\n') &&
					raw.includes('name="model"\r\n\r\ncohere-transcribe-03-2026\r\n') &&
					raw.includes('filename="voice.ogg"\r\nContent-Type: audio/ogg'),
				`multipart form: ${raw.slice(0, 400)}`,
			);
		},
	);
}
