/* A wrong API key: the error n8n shows. */
import { check, expectEqual, expectTrue } from '../../checks';
import { execute } from '../checks';
import { n8n } from '../n8n-runtime';
import type { Scenario } from './types';

export async function wrongApiKey(scenario: Scenario) {
	const { userFolder, version } = scenario;
	console.log('\nWorkflows with a wrong API key');
	const continued = await execute(userFolder, 'e2eWrongKeyContin', version);
	check(
		"Continue On Fail: the 401 becomes an error item with Cohere's message, paired to its input",
		() => {
			const items = continued.output('List Models (Continue On Fail)');
			expectEqual(
				items.map((i) => [i.json.error, i.json.description, i.json.httpCode, i.pairedItem]),
				[
					[
						'Cohere rejected the API key (401): check the API Key in the Cohere API credential',
						'invalid api token',
						'401',
						{ item: 0 },
					],
				],
			);
		},
	);
	const stopped = await execute(userFolder, 'e2eWrongKeyStops1', version);
	check('without it, the execution fails with the 401 in plain words', () => {
		expectTrue(stopped.status !== 0, `n8n execute exited with ${stopped.status}`);
		expectTrue(stopped.log.includes('Cohere rejected the API key (401)'), stopped.log.slice(-1500));
	});
	check('the wrong key is not echoed anywhere', () =>
		expectTrue(
			!`${continued.log}${stopped.log}`.includes('wrong-key'),
			'wrong-key found in the output',
		),
	);
}
