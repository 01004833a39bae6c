/* Classify, Summarize and Tokenize in the real n8n. */
import { sample } from '../../fixtures';
import { check, expectEqual, expectTrue } from '../../checks';
import { checkRanWithoutError, execute } from '../checks';
import type { Scenario } from './types';

export async function classifySummarizeTokenize(scenario: Scenario) {
	const { userFolder, emulator, version } = scenario;
	console.log('\nWorkflow "Cohere: Classify, Summarize and Tokenize"');
	emulator.reset();
	const misc = await execute(userFolder, 'e2eClassSumToken', version);
	checkRanWithoutError(misc);
	check('Classify by Embeddings and with Chat label both texts correctly', () => {
		expectEqual(
			misc
				.output('Classify by Embeddings')
				.map((i) => [i.json.prediction, typeof i.json.confidence]),
			[
				['sports', 'number'],
				['cooking', 'number'],
			],
		);
		expectEqual(
			misc.output('Classify with Chat').map((i) => [i.json.prediction, i.json.confidence]),
			[
				['sports', null],
				['cooking', null],
			],
		);
	});
	check('Classify endpoint: the documented sample (request body and raw output)', () => {
		const { input, output } = sample('Generate Classification');
		expectEqual(
			emulator.requestsTo('/v1/classify').map((r) => r.body),
			[input.body],
			'classify body',
		);
		expectEqual(
			misc.output('Classify Endpoint (Documented Sample)').map((i) => i.json),
			[output],
			'classify output',
		);
	});
	check(
		'Summarize: chat with the options as instructions, and the documented endpoint sample',
		() => {
			const { input, output } = sample('Summarize Text');
			expectTrue(
				String(misc.output('Summarize with Chat')[0]?.json.summary).startsWith(
					'Answer to: Summarize this text:',
				),
				'chat summary',
			);
			expectEqual(
				emulator.requestsTo('/v1/summarize').map((r) => r.body),
				[input.body],
				'summarize body',
			);
			expectEqual(
				misc.output('Summarize Endpoint (Documented Sample)').map((i) => i.json),
				[output],
				'summarize output',
			);
		},
	);
	check('Tokenize: the documented sample; tokenize then detokenize', () => {
		const { input, output } = sample('Generate Tokens');
		expectEqual(emulator.requestsTo('/v1/tokenize')[0]?.body, input.body, 'tokenize body');
		expectEqual(
			misc.output('Tokenize (Documented Sample)').map((i) => i.json),
			[output],
			'tokenize output',
		);
		expectEqual(
			misc.output('Tokenize').map((i) => i.json.token_count),
			[4],
		);
		const ids = misc.output('Tokenize')[0]?.json.tokens as number[];
		expectEqual(
			misc.output('Detokenize').map((i) => i.json.text),
			[ids.map((id) => `<${id}>`).join('')],
		);
	});
}
