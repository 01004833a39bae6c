/* `npm run demo`: runs a small workflow's worth of our nodes through n8n's engine and prints the items.
 * Against the local Cohere emulator by default; with COHERE_API_KEY set, against the real Cohere API
 * (or COHERE_BASE_URL). */
import { CohereEmulator } from './emulator/server';
import { runNode } from './engine/harness';

async function main() {
	const realKey = process.env.COHERE_API_KEY;
	const emulator = realKey ? undefined : new CohereEmulator();
	const baseUrl = emulator
		? await emulator.start()
		: (process.env.COHERE_BASE_URL ?? 'https://api.cohere.com');
	const credentials = {
		apiKey: realKey ?? 'test-key',
		baseUrl,
		clientName: 'n8n-nodes-cohere-demo',
	};
	console.log(`Cohere API: ${baseUrl}${emulator ? ' (local emulator)' : ''}\n`);

	const steps = [
		{
			title: 'Cohere List Models: chat models, first 5',
			type: 'cohereModels',
			parameters: { operation: 'list', returnAll: false, limit: 5, filters: { endpoint: 'chat' } },
		},
		{
			title: 'Cohere List Models: get embed-v4.0',
			type: 'cohereModels',
			parameters: { operation: 'get', model: { __rl: true, mode: 'id', value: 'embed-v4.0' } },
		},
		{
			title: 'Cohere Raw HTTP: POST /v2/chat for two input items',
			type: 'cohereHttpRequest',
			parameters: {
				method: 'POST',
				url: '/v2/chat',
				sendBody: true,
				specifyBody: 'json',
				jsonBody:
					'={{ JSON.stringify({ model: "command-a-03-2025", messages: [{ role: "user", content: $json.question }] }) }}',
			},
			items: [
				{ json: { question: 'What is n8n?' } },
				{ json: { question: 'What is Cohere Rerank?' } },
			],
		},
		{
			title: 'Cohere Chat: a prompt with documents to cite',
			type: 'cohereChat',
			parameters: {
				api: 'v2',
				model: { __rl: true, mode: 'id', value: 'command-a-03-2025' },
				prompt: 'How long do refunds take?',
				documents: '["Refunds take 5 business days.", "Shipping is free over 50 EUR."]',
			},
		},
		{
			title: 'Cohere Embed: three rows, one request, 256 dimensions (first 4 shown)',
			type: 'cohereEmbed',
			parameters: {
				api: 'cohere',
				model: { __rl: true, mode: 'id', value: 'embed-v4.0' },
				options: { outputDimension: '256' },
			},
			items: ['red apples', 'blue sky', 'green apples'].map((text) => ({ json: { text } })),
		},
		{
			title: 'Cohere Rerank: the rows reordered for "red apples"',
			type: 'cohereRerank',
			parameters: { model: { __rl: true, mode: 'id', value: 'rerank-v3.5' }, query: 'red apples' },
			items: ['blue sky', 'green apples', 'red apples'].map((text) => ({ json: { text } })),
		},
	];

	let failed = false;
	for (const step of steps) {
		const run = await runNode({
			type: step.type,
			parameters: step.parameters,
			credentials,
			items: step.items,
		});
		console.log(`== ${step.title}`);
		if (run.error) {
			failed = true;
			console.log(
				`error: ${run.error.message}${run.error.description ? `\n  ${run.error.description}` : ''}`,
			);
		}
		for (const item of run.items) {
			const json =
				step.type === 'cohereHttpRequest'
					? { status: item.json.status, body: item.json.body }
					: step.type === 'cohereEmbed'
						? { ...item.json, embedding: (item.json.embedding as number[]).slice(0, 4) }
						: item.json;
			console.log(JSON.stringify(json), '← item', JSON.stringify(item.pairedItem));
		}
		console.log('');
	}
	await emulator?.stop();
	process.exitCode = failed ? 1 : 0;
}

void main();
