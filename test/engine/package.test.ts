import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';

import { loadPackage, PACKAGE_ROOT } from './harness';
import { MAIN_NODES, PACKAGE_NODES, SUB_NODES } from '../nodes';

const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
const EXPECTED_NODES = MAIN_NODES.map((node) => node.type);

describe('the package as n8n loads it', () => {
	test('package.json: community keyword, MIT, no runtime dependencies, n8n-workflow and the AI node SDK as peers', () => {
		expect(packageJson.name).toBe('n8n-nodes-cohere');
		expect(packageJson.license).toBe('MIT');
		expect(packageJson.keywords).toContain('n8n-community-node-package');
		expect(packageJson.dependencies ?? {}).toEqual({});
		// n8n's lint wants n8n-workflow as '*'; the SDK's range starts at the one n8n 2.16 bundles. Both optional,
		// so that npm never installs a second copy beside n8n's own (on n8n 1.x, an SDK that n8n cannot use).
		expect(packageJson.peerDependencies).toEqual({
			'@n8n/ai-node-sdk': '>=0.7.0',
			'n8n-workflow': '*',
		});
		expect(packageJson.peerDependenciesMeta).toEqual({
			'@n8n/ai-node-sdk': { optional: true },
			'n8n-workflow': { optional: true },
		});
		expect(packageJson.n8n.aiNodeSdkVersion).toBe(1);
		for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) {
			expect(existsSync(path.join(PACKAGE_ROOT, file))).toBe(true);
		}
	});

	test('package.json lists every node the sources have, and the tests know each one (test/nodes/<type>.ts)', () => {
		const sources = readdirSync(path.join(PACKAGE_ROOT, 'nodes'), { withFileTypes: true })
			.filter((entry) => entry.isDirectory())
			.flatMap((entry) =>
				readdirSync(path.join(PACKAGE_ROOT, 'nodes', entry.name))
					.filter((file) => file.endsWith('.node.ts'))
					.map((file) => `dist/nodes/${entry.name}/${file.replace(/\.ts$/, '.js')}`),
			);
		expect([...packageJson.n8n.nodes].sort()).toEqual(sources.sort());
		expect(PACKAGE_NODES.map((node) => node.file)).toEqual(packageJson.n8n.nodes);
		expect(MAIN_NODES.length + SUB_NODES.length).toBe(PACKAGE_NODES.length);
	});

	test('the publish workflow: only on a version tag, after the tests, with an npm provenance statement', () => {
		const workflow = readFileSync(
			path.join(PACKAGE_ROOT, '.github', 'workflows', 'publish.yml'),
			'utf8',
		);
		expect(workflow).toMatch(/on:\s+push:\s+tags:\s+- 'v\*\.\*\.\*'/);
		expect(workflow).toContain('id-token: write');
		const steps = ['npm ci', 'npm test', 'npm run test:e2e', 'npm publish --provenance'].map(
			(step) => workflow.indexOf(`run: ${step}`),
		);
		expect(steps.every((index) => index > 0)).toBe(true);
		expect([...steps].sort((a, b) => a - b)).toEqual(steps);
		expect(packageJson.repository.url).toMatch(/^https:\/\/github\.com\//);
	});

	test('PackageDirectoryLoader finds every node and the credential from the n8n block', async () => {
		const loader = await loadPackage();
		expect(Object.keys(loader.nodeTypes).sort()).toEqual(
			PACKAGE_NODES.map((node) => node.type).sort(),
		);
		expect(Object.keys(loader.credentialTypes)).toEqual(['cohereBearerApi']);
		const credential = loader.credentialTypes.cohereBearerApi.type;
		expect(credential.displayName).toBe('Cohere (Base URL, Client Name) API');
		expect(credential.properties.map((p) => p.name)).toEqual([
			'notice',
			'apiKey',
			'baseUrl',
			'clientName',
		]);
		expect(credential.properties[1].typeOptions?.password).toBe(true);
		expect(credential.test?.request).toMatchObject({ url: '/v1/models', qs: { page_size: 1 } });
	});

	test.each(EXPECTED_NODES)(
		'%s: version 1, usable as a tool, subtitle, icons in dist, codex',
		async (name) => {
			const loader = await loadPackage();
			const { type, sourcePath } = loader.nodeTypes[name];
			const description = type.description as INodeTypeDescription;
			expect(description.name).toBe(name);
			expect(description.displayName.startsWith('Cohere ')).toBe(true);
			expect(description.version).toBe(1);
			expect(description.usableAsTool).toBe(true);
			expect(description.subtitle).toBeTruthy();
			expect(description.credentials).toEqual([{ name: 'cohereBearerApi', required: true }]);
			// The loader rewrites icons to served paths; the files themselves must sit next to the built node.
			const icon = (type.description as unknown as { iconUrl?: { light: string; dark: string } })
				.iconUrl;
			expect(icon).toBeDefined();
			for (const variant of ['light', 'dark'] as const) {
				const iconFile = path.join(
					PACKAGE_ROOT,
					'dist',
					icon![variant].replace(/^icons\/n8n-nodes-cohere\/dist\//, ''),
				);
				expect(existsSync(iconFile)).toBe(true);
			}
			const codex = JSON.parse(readFileSync(sourcePath.replace(/\.js$/, '.json'), 'utf8'));
			expect(codex.node).toBe(`n8n-nodes-cohere.${name}`);
			expect(codex.categories).toContain('AI');
			expect(codex.resources.primaryDocumentation.length).toBeGreaterThan(0);
		},
	);

	test.each(SUB_NODES.map((node) => [node.type, node.aiOutput]))(
		'%s: a sub-node with one %s output, a subtitle, our credential and a codex in the AI category',
		async (name, output) => {
			const loader = await loadPackage();
			const { type, sourcePath } = loader.nodeTypes[name];
			const description = type.description as INodeTypeDescription;
			expect(description.displayName.startsWith('Cohere ')).toBe(true);
			expect(description.inputs).toEqual([]);
			expect(description.outputs).toEqual([output]);
			expect(description.subtitle).toBeTruthy();
			expect(description.credentials).toEqual([{ name: 'cohereBearerApi', required: true }]);
			expect(typeof (type as { supplyData?: unknown }).supplyData).toBe('function');
			const codex = JSON.parse(readFileSync(sourcePath.replace(/\.js$/, '.json'), 'utf8'));
			expect(codex.node).toBe(`n8n-nodes-cohere.${name}`);
			expect(codex.categories).toEqual(['AI']);
		},
	);

	test('the node creator finds every node by its words, and files only sub-nodes as sub-nodes', async () => {
		// The editor files a node of the AI category as a sub-node unless its codex lists "Root Nodes".
		const loader = await loadPackage();
		const codex = (name: string) =>
			JSON.parse(readFileSync(loader.nodeTypes[name].sourcePath.replace(/\.js$/, '.json'), 'utf8'));
		for (const name of EXPECTED_NODES) {
			expect([name, codex(name).subcategories.AI]).toEqual([
				name,
				expect.arrayContaining(['Root Nodes']),
			]);
			expect([name, codex(name).alias]).toEqual([name, expect.arrayContaining(['cohere'])]);
		}
		// Like n8n's own chat models, the chat model sub-node is also listed in the main search (found by
		// "Cohere" next to n8n's Cohere Chat Model); embeddings and reranker only where they plug in.
		for (const { type: name, aiSection } of SUB_NODES)
			expect([name, codex(name).subcategories.AI.includes('Root Nodes')]).toEqual([
				name,
				aiSection === '(top)',
			]);
		// The words a user types to find a main node are among its codex's aliases.
		for (const { type, searchWords } of MAIN_NODES)
			expect([type, codex(type).alias]).toEqual([type, expect.arrayContaining(searchWords!)]);
	});
});
