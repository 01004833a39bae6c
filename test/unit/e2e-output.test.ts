/* The real-n8n e2e reads run data from `n8n execute --rawOutput`; what n8n logs around it must not matter. */
import { readRunData } from '../e2e/n8n-runtime';

const runData = {
	data: {
		resultData: { runData: { Chat: [{ data: { main: [[{ json: { text: 'a } "b" {' } }]] } }] } },
	},
};
const printed = JSON.stringify(runData, null, 2);

describe('reading the run data of n8n execute', () => {
	test.each([
		['alone', printed],
		['after log lines', `Loading config\n{"level":"info"} not the run data\n${printed}`],
		[
			'followed by a late task runner line (a loaded machine)',
			`${printed}\nRegistered runner "JS Task Runner" (abc) \n`,
		],
		['with log lines on both sides', `Starting\n${printed}\n{ "partial": \nDone`],
	])('%s', (_label, stdout) => {
		expect(readRunData(stdout)).toEqual(runData);
	});

	test('no run data: undefined (so "runs without error" fails)', () => {
		expect(readRunData('Error: workflow not found\n')).toBeUndefined();
		expect(readRunData('{ "data": ')).toBeUndefined();
		expect(readRunData('')).toBeUndefined();
	});
});
