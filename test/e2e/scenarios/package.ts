/* The installed package as n8n sees it, and the credentials and workflows imported with the n8n CLI. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { check, expectEqual, expectTrue } from '../../checks';
import { packageLogLines } from '../checks';
import { AI_NODE_SDK_REQUIRED } from '../../../nodes/shared/run/aiNodeSdk';
import { exampleCredentials, n8n, PACKAGE_NAME, WORKFLOWS_DIR } from '../n8n-runtime';
import { PACKAGE_NODES } from '../../nodes';
import type { Scenario } from './types';

/**
 * `n8n export:nodes` on the installed package: every node type loads (with its AI tool variant), filed and
 * iconed as intended, and n8n logs nothing about the package. `hasSdk`: whether this n8n provides
 * `@n8n/ai-node-sdk`, which decides whether the chat model panel shows its notice.
 */
export async function checkNodeTypes(scenario: Scenario, files: string[], hasSdk: boolean) {
	const { work, userFolder, version } = scenario;
	console.log('\nn8n sees the package');
	const exported = path.join(work, 'nodes.json');
	const exportRun = await n8n(userFolder, ['export:nodes', `--output=${exported}`], version);
	const nodeTypes = existsSync(exported)
		? (JSON.parse(readFileSync(exported, 'utf8')) as Array<{
				name: string;
				iconUrl?: { light: string; dark: string };
				usableAsTool?: boolean;
				displayName: string;
				codex?: { subcategories?: Record<string, string[]>; alias?: string[] };
				properties?: Array<{ name: string; type: string; displayName: string }>;
			}>)
		: [];
	const ours = nodeTypes.filter((n) => n.name.startsWith(`${PACKAGE_NAME}.`));
	check(
		'export:nodes lists every node of the package (and the AI tool variant of each main node)',
		() => {
			const names = ours.map((n) => n.name).sort();
			for (const node of PACKAGE_NODES) {
				const name = `${PACKAGE_NAME}.${node.type}`;
				expectTrue(names.includes(name), `${name} missing from ${names.join(', ')}`);
				// The AI sub-nodes plug into AI nodes themselves; as n8n's own, they have no tool variant.
				if (node.aiOutput) continue;
				expectTrue(names.includes(`${name}Tool`), `${name}Tool missing: usableAsTool not honoured`);
			}
		},
	);
	check(
		'as n8n loaded them: main nodes filed as root nodes with their search words, embeddings and reranker as sub-nodes',
		() => {
			for (const node of PACKAGE_NODES) {
				const name = `${PACKAGE_NAME}.${node.type}`;
				const codex = ours.find((n) => n.name === name)?.codex;
				const root = codex?.subcategories?.AI?.includes('Root Nodes') ?? false;
				// As n8n's own chat models, the chat model sub-node is listed in the main search too.
				const listedAsRoot = !node.aiOutput || node.aiSection === '(top)';
				expectEqual([name, root], [name, listedAsRoot], 'filed as a root node');
				expectTrue(
					codex?.alias?.includes('cohere'),
					`${name}: aliases ${JSON.stringify(codex?.alias)}`,
				);
			}
		},
	);
	check('every node icon (light and dark) is a packed file', () => {
		for (const node of ours) {
			expectTrue(node.iconUrl, `${node.name} has no icon`);
			for (const url of [node.iconUrl!.light, node.iconUrl!.dark]) {
				const file = url.replace(`icons/${PACKAGE_NAME}/`, '');
				expectTrue(files.includes(file), `${node.name}: ${file} not packed`);
			}
		}
	});
	check('n8n logs no warning or error about the package while loading it', () => {
		const lines = packageLogLines(`${exportRun.stdout}\n${exportRun.stderr}`);
		expectEqual(lines, [], 'log lines');
	});
	check(
		hasSdk
			? 'with the SDK: no notice on the chat model panel'
			: 'without the SDK: the chat model panel opens with a notice that it needs n8n 2.16 or newer',
		() => {
			const chatModel = ours.find((n) => n.name === `${PACKAGE_NAME}.cohereChatModel`);
			const notices = (chatModel?.properties ?? [])
				.filter((p) => p.type === 'notice')
				.map((p) => p.displayName);
			expectEqual(notices, hasSdk ? [] : [AI_NODE_SDK_REQUIRED], 'notices');
			const [first] = chatModel?.properties ?? [];
			if (!hasSdk) expectEqual(first?.name, 'aiNodeSdkNotice', 'first field');
		},
	);
	return ours;
}

/** Imports the encrypted credentials and every saved workflow with the n8n CLI. */
export async function importFixtures(scenario: Scenario) {
	const { work, userFolder, emulatorUrl, version } = scenario;
	console.log('\nCredentials and workflows imported with the n8n CLI');
	const credentialsFile = path.join(work, 'credentials.json');
	writeFileSync(credentialsFile, JSON.stringify(exampleCredentials(emulatorUrl)));
	const importCredentials = await n8n(
		userFolder,
		['import:credentials', `--input=${credentialsFile}`],
		version,
	);
	const importWorkflows = await n8n(
		userFolder,
		['import:workflow', '--separate', `--input=${WORKFLOWS_DIR}`],
		version,
	);
	check('import:credentials and import:workflow succeed', () => {
		expectTrue(
			importCredentials.status === 0,
			`${importCredentials.stdout}\n${importCredentials.stderr}`,
		);
		expectTrue(
			importWorkflows.status === 0,
			`${importWorkflows.stdout}\n${importWorkflows.stderr}`,
		);
	});
	const exportedCredentials = await n8n(userFolder, ['export:credentials', '--all'], version);
	check('the credential is stored encrypted', () => {
		expectTrue(exportedCredentials.status === 0, String(exportedCredentials.stderr));
		expectTrue(
			String(exportedCredentials.stdout).includes('e2eCohereGoodKey'),
			`the credential was not exported: ${exportedCredentials.stdout.slice(0, 500)}`,
		);
		expectTrue(
			!String(exportedCredentials.stdout).includes('test-key'),
			'the API key is visible in the stored credential',
		);
	});
}
