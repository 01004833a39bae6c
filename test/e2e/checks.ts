/* What the suites on the real n8n check of it: `n8n execute` read back as run data, n8n's log lines about our
 * package, a Chat Trigger's streamed answer. The checks themselves run in test/checks.ts. */
import { check, expectTrue } from '../checks';
import { CACHE, n8n, readRunData } from './n8n-runtime';

/**
 * Lines where n8n warns about or fails on our package (loading, description, credential). The cache path
 * holds the package name too, so it is cut first; the stack of the expected 401 in the credential test
 * runs through n8n's own files only.
 */
export function packageLogLines(log: string): string[] {
	return log
		.split(CACHE)
		.join('<cache>')
		.split('\n')
		.filter(
			(line) =>
				/n8n-nodes-cohere|cohereModels|cohereHttpRequest|cohereBearerApi/.test(line) &&
				/warn|error|fail|invalid|issue/i.test(line),
		);
}

export interface Item {
	json: Record<string, any>;
	pairedItem?: unknown;
}
export interface Execution {
	status: number | null;
	/** Whether run data could be read from n8n's output at all. */
	read: boolean;
	output: (node: string) => Item[];
	error: { message?: string; description?: string } | undefined;
	nodeError: (node: string) => { message?: string; description?: string } | undefined;
	/** How many runs a node (a sub-node too) has in the run data. */
	runs: (node: string) => number;
	/** The execution hints a node's first run added (n8n shows them above its output). */
	hints: (node: string) => Array<{ message: string; type?: string }>;
	log: string;
}

/** `n8n execute --id <id> --rawOutput`, parsed. */
export async function execute(
	userFolder: string,
	id: string,
	version?: string,
): Promise<Execution> {
	const result = await n8n(userFolder, ['execute', `--id=${id}`, '--rawOutput'], version);
	const stdout = String(result.stdout);
	const data = readRunData(stdout);
	const runData = data?.data?.resultData?.runData ?? {};
	return {
		status: result.status,
		read: data !== undefined,
		output: (node) => runData[node]?.[0]?.data?.main?.[0] ?? [],
		error: data?.data?.resultData?.error,
		nodeError: (node) => runData[node]?.[0]?.error,
		runs: (node) => (runData[node] ?? []).length,
		hints: (node) => runData[node]?.[0]?.hints ?? [],
		log: `${stdout}\n${String(result.stderr)}`,
	};
}

/**
 * Sends a message to a published Chat Trigger and reads its streamed answer (JSON lines): the text of the
 * `item` chunks. The webhook registers shortly after the server answers, so a 404 is retried for a while.

/** "Runs without error" needs run data that says so: no run data read is a failure, not a pass. */
export function checkRanWithoutError(run: Execution) {
	check('runs without error', () => {
		expectTrue(run.read, `no run data could be read from n8n's output:\n${run.log.slice(-2000)}`);
		expectTrue(!run.error, `${JSON.stringify(run.error)}\n${run.log.slice(-2000)}`);
	});
}

/**
 * POSTs to a webhook of a workflow just published: it registers shortly after the server answers, so a 404
 * is tried again every 0.5 s, at most `attempts` times.
 */
export async function postToNewWebhook(
	url: string,
	init: RequestInit,
	attempts: number,
): Promise<Response> {
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(url, { method: 'POST', ...init });
		if (response.status !== 404 || attempt + 1 >= attempts) return response;
		await response.body?.cancel();
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}
