/* What the editor asks of the nodes: dropdown pages (the "List Models (DDL)" sample), the dataset and embed
 * job pickers of Embed Jobs, and IDs given either way (picked from a list, typed, or saved as plain text). */

import { listSearch, runNode, withLoadOptionsContext } from './harness';
import { useEmulator } from './setup';
import { sample } from '../fixtures';

const ctx = useEmulator();

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { searchModels } = require('../../dist/nodes/shared/methods/listSearch');

function addDataset(id: string, type = 'embed-input', status = 'validated') {
	ctx.emulator.store.datasets.set(id, {
		dataset: {
			id,
			name: id.replace(/-\d+$/, ''),
			dataset_type: type,
			validation_status: status,
			created_at: new Date(0).toISOString(),
			updated_at: new Date(0).toISOString(),
		},
		rows: [{ text: 'hello' }],
		validationPolls: 0,
	});
}

/** An embed job as Cohere lists it (every field its spec requires). */
function job(id: string, status: string) {
	return {
		job_id: id,
		status,
		created_at: new Date(0).toISOString(),
		input_dataset_id: 'reviews-0001',
		model: 'embed-v4.0',
		truncate: 'END',
		polls: 0,
	};
}

describe('model dropdowns: the "List Models (DDL)" sample', () => {
	test('a page size and a starting page token give that page as name/value pairs with the next token', async () => {
		const { input, output } = sample('List Models (DDL)');
		const page = await withLoadOptionsContext('cohereChat', ctx.credentials(), async (context) =>
			searchModels.call(context, { pageSize: input.page_size, pageToken: input.page_token }),
		);
		// The sample's `endpoint` is the list's URL: the credential's Base URL + /v1/models.
		expect(ctx.emulator.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/v1/models', { page_size: '10', page_token: 'next_page_token_123' }],
		]);
		// Cohere's models have one name (their ID), so the dropdown shows it as name and value.
		expect(page).toEqual({
			results: (output.result as Array<{ value: string }>)
				.map(({ value }) => ({ name: value, value }))
				.sort((a, b) => a.value.localeCompare(b.value)),
			paginationToken: 'next_page_token_124',
		});
	});

	test("the editor's calls: one page per scroll, a typed filter over every page, errors in plain words", async () => {
		ctx.emulator.modelsPageCap = 3;
		const first = await listSearch('cohereChat', 'searchChatModels', ctx.credentials());
		expect(first.results).toHaveLength(3);
		expect(first.paginationToken).toBe('page-3');
		const second = await listSearch(
			'cohereChat',
			'searchChatModels',
			ctx.credentials(),
			undefined,
			first.paginationToken as string,
		);
		expect(second.results).toHaveLength(3);
		expect(second.results.map((r) => r.value)).not.toContain(first.results[0].value);
		expect(ctx.emulator.requests.map((r) => r.query)).toEqual([
			{ page_size: '100', endpoint: 'chat' },
			{ page_size: '100', endpoint: 'chat', page_token: 'page-3' },
		]);
		ctx.emulator.requests.length = 0;
		const vision = await listSearch('cohereChat', 'searchChatModels', ctx.credentials(), 'vision');
		expect(vision).toEqual({
			results: [{ name: 'command-a-vision-07-2025', value: 'command-a-vision-07-2025' }],
		});
		expect(ctx.emulator.requests.length).toBe(3);
		await expect(
			listSearch('cohereChat', 'searchChatModels', ctx.credentials({ apiKey: 'wrong' })),
		).rejects.toThrow(/^Could not load the models: /);
	});
});

describe('Embed Jobs: datasets and embed jobs picked from a list', () => {
	test('the dataset list shows name, type and status; a filter matches name or ID; pages by offset', async () => {
		addDataset('reviews-0001');
		addDataset('tickets-0002', 'embed-input', 'failed');
		addDataset('eval-0003', 'reranker-finetune-input', 'processing');
		const all = await listSearch('cohereEmbedJobs', 'searchDatasets', ctx.credentials());
		expect(all).toEqual({
			results: [
				{ name: 'reviews (embed-input, validated)', value: 'reviews-0001' },
				{ name: 'tickets (embed-input, failed)', value: 'tickets-0002' },
				{ name: 'eval (reranker-finetune-input, processing)', value: 'eval-0003' },
			],
		});
		expect(ctx.emulator.requests.map((r) => r.query)).toEqual([{ limit: '100', offset: '0' }]);
		const found = await listSearch('cohereEmbedJobs', 'searchDatasets', ctx.credentials(), '0002');
		expect(found.results.map((r) => r.value)).toEqual(['tickets-0002']);

		for (let i = 0; i < 130; i++) addDataset(`bulk-${String(1000 + i)}`);
		const page1 = await listSearch('cohereEmbedJobs', 'searchDatasets', ctx.credentials());
		expect(page1.results).toHaveLength(100);
		expect(page1.paginationToken).toBe('100');
		const page2 = await listSearch(
			'cohereEmbedJobs',
			'searchDatasets',
			ctx.credentials(),
			undefined,
			'100',
		);
		expect(page2.results).toHaveLength(33);
		expect(page2.paginationToken).toBeUndefined();
		// A filter reads every page: the last bulk dataset is on the second.
		const last = await listSearch(
			'cohereEmbedJobs',
			'searchDatasets',
			ctx.credentials(),
			'bulk-1129',
		);
		expect(last.results.map((r) => r.value)).toEqual(['bulk-1129']);
	});

	test('the embed job list shows name (or ID) and status', async () => {
		ctx.emulator.store.jobs.set('job-1', { ...job('job-1', 'complete'), name: 'nightly' });
		ctx.emulator.store.jobs.set('job-2', job('job-2', 'processing'));
		const jobs = await listSearch('cohereEmbedJobs', 'searchEmbedJobs', ctx.credentials());
		expect(jobs.results).toEqual([
			{ name: 'nightly (complete)', value: 'job-1' },
			{ name: 'job-2 (processing)', value: 'job-2' },
		]);
		const filtered = await listSearch(
			'cohereEmbedJobs',
			'searchEmbedJobs',
			ctx.credentials(),
			'NIGHT',
		);
		expect(filtered.results.map((r) => r.value)).toEqual(['job-1']);
	});

	test.each([
		['picked from the list', { __rl: true, mode: 'list', value: 'reviews-0001' }],
		['typed by ID', { __rl: true, mode: 'id', value: 'reviews-0001' }],
		['saved as plain text by an earlier version', 'reviews-0001'],
	])('Get Dataset with the dataset %s', async (_how, datasetId) => {
		addDataset('reviews-0001');
		const run = await runNode({
			type: 'cohereEmbedJobs',
			parameters: { resource: 'dataset', operation: 'get', datasetId },
			credentials: ctx.credentials(),
		});
		expect(run.error).toBeUndefined();
		expect(ctx.emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/datasets/reviews-0001',
		]);
		expect(run.items[0].json).toMatchObject({ id: 'reviews-0001', validation_status: 'validated' });
	});

	test('an embed job picked from the list is read and cancelled by its ID', async () => {
		ctx.emulator.store.jobs.set('job-7', job('job-7', 'processing'));
		const jobId = { __rl: true, mode: 'list', value: 'job-7' };
		const get = await runNode({
			type: 'cohereEmbedJobs',
			parameters: { resource: 'embedJob', operation: 'get', jobId },
			credentials: ctx.credentials(),
		});
		expect(get.items[0].json).toMatchObject({ job_id: 'job-7' });
		await runNode({
			type: 'cohereEmbedJobs',
			parameters: { resource: 'embedJob', operation: 'cancel', jobId },
			credentials: ctx.credentials(),
		});
		expect(ctx.emulator.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /v1/embed-jobs/job-7',
			'POST /v1/embed-jobs/job-7/cancel',
			// Cancel reads the job back, so the item shows its new status.
			'GET /v1/embed-jobs/job-7',
		]);
	});
});

describe('model dropdowns (listSearch)', () => {
	test('follows every page, filters by what the user typed, sorts and marks deprecated and fine-tuned models', async () => {
		const generate = await listSearch('cohereModels', 'searchGenerateModels', ctx.credentials());
		expect(generate.results).toEqual([
			{ name: 'custom-model-v1 (fine-tuned)', value: 'custom-model-v1' },
			{ name: 'command (deprecated)', value: 'command' },
			{ name: 'command-light (deprecated)', value: 'command-light' },
		]);
		expect(ctx.emulator.requests[0].query).toMatchObject({ endpoint: 'generate' });
		const embed = await listSearch('cohereModels', 'searchEmbedModels', ctx.credentials(), 'MULTI');
		expect(embed.results).toEqual([
			{ name: 'embed-multilingual-v3.0', value: 'embed-multilingual-v3.0' },
		]);
	});

	test('follows next_page_token when the server pages smaller than asked, for every endpoint family', async () => {
		ctx.emulator.modelsPageCap = 4;
		// Without a filter the dropdown is paged as the editor pages it: one Cohere page per call, the
		// next_page_token handed back as the paginationToken of the next call (when the user scrolls).
		const scrollAll = async (method: string) => {
			const values: string[] = [];
			let token: string | undefined;
			do {
				const page = await listSearch('cohereModels', method, ctx.credentials(), undefined, token);
				expect(page.results.length).toBeLessThanOrEqual(4);
				values.push(...page.results.map((r) => r.value as string));
				token = page.paginationToken as string | undefined;
			} while (token);
			return values;
		};
		const scrolled = await scrollAll('searchAllModels');
		expect(scrolled).toHaveLength(25);
		expect(new Set(scrolled).size).toBe(25);
		expect(ctx.emulator.requestsTo('/v1/models').map((r) => r.query.page_token ?? null)).toEqual([
			null,
			'page-4',
			'page-8',
			'page-12',
			'page-16',
			'page-20',
			'page-24',
		]);
		const counts: Record<string, number> = {};
		for (const family of ['Chat', 'Embed', 'Rerank', 'Classify', 'Generate', 'Summarize'])
			counts[family] = (await scrollAll(`search${family}Models`)).length;
		expect(counts).toEqual({
			Chat: 9,
			Embed: 7,
			Rerank: 5,
			Classify: 7,
			Generate: 3,
			Summarize: 2,
		});
		// A typed filter searches every page at once (the "command" models are spread over several pages).
		ctx.emulator.requests.length = 0;
		const commands = await listSearch(
			'cohereModels',
			'searchAllModels',
			ctx.credentials(),
			'command',
		);
		expect(commands.paginationToken).toBeUndefined();
		expect(ctx.emulator.requestsTo('/v1/models')).toHaveLength(7);
		expect(commands.results.every((r) => String(r.value).includes('command'))).toBe(true);
		expect(commands.results.map((r) => r.value)).toEqual(
			scrolled
				.filter((name) => name.includes('command'))
				.sort((a, b) => {
					const deprecated = (name: string) => Number(['command', 'command-light'].includes(name));
					return deprecated(a) - deprecated(b) || a.localeCompare(b);
				}),
		);
		// Cohere's own pages hold all of them: current models first (alphabetical), deprecated ones last.
		ctx.emulator.modelsPageCap = 1000;
		const all = await listSearch('cohereModels', 'searchAllModels', ctx.credentials());
		expect(all.paginationToken).toBeUndefined();
		expect(all.results).toHaveLength(25);
		expect(all.results.slice(-3).map((r) => r.value)).toEqual([
			'command',
			'command-light',
			'embed-english-v2.0',
		]);
		expect(all.results[0].value).toBe('c4ai-aya-expanse-32b');
		expect(all.results.filter((r) => r.name.endsWith('(deprecated)')).map((r) => r.value)).toEqual([
			'command',
			'command-light',
			'embed-english-v2.0',
		]);
	});
});
