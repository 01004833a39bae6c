/*
 * The package's nodes, as package.json's `n8n.nodes` lists them: every test that goes over all nodes takes
 * them from here. Each node's own facts are in test/nodes/<type>.ts; a node without that file fails here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { NodeFacts } from './types';

export type { NodeFacts } from './types';

export const PACKAGE_ROOT = path.resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-cohere';

/** One node of the package: its type name (`cohereChat`), its file under dist/, and what the tests know of it. */
export interface PackageNode extends NodeFacts {
	type: string;
	/** `dist/nodes/CohereChat/CohereChat.node.js` */
	file: string;
}

/** `dist/nodes/CohereChat/CohereChat.node.js` → `cohereChat`. */
function typeName(file: string): string {
	const base = path.basename(file, '.node.js');
	return base[0].toLowerCase() + base.slice(1);
}

function readNodes(): PackageNode[] {
	const packageJson = JSON.parse(readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'));
	return (packageJson.n8n.nodes as string[]).map((file) => {
		const type = typeName(file);
		const { facts } = require(`./${type}`) as { facts: NodeFacts };
		return { ...facts, type, file };
	});
}

/** Every node, main and sub-nodes, in package.json's order. */
export const PACKAGE_NODES: PackageNode[] = readNodes();
/** The main nodes (those with an input). */
export const MAIN_NODES = PACKAGE_NODES.filter((node) => !node.aiOutput);
/** The AI sub-nodes. */
export const SUB_NODES = PACKAGE_NODES.filter((node) => node.aiOutput);

export function packageNode(type: string): PackageNode {
	const node = PACKAGE_NODES.find((candidate) => candidate.type === type);
	if (!node) throw new Error(`${type} is not in package.json's n8n.nodes`);
	return node;
}

/** A node's description as the built package has it (dist/ must be built). */
export function builtDescription(node: PackageNode): {
	displayName: string;
	properties: Array<{ name: string; type: string }>;
} {
	const module = require(path.join(PACKAGE_ROOT, node.file)) as Record<string, unknown>;
	const NodeClass = Object.values(module)[0] as new () => {
		description: ReturnType<typeof builtDescription>;
	};
	return new NodeClass().description;
}

/** Every node whose facts give parameters that run: the nodes that read the shared options. */
export const WORKING_NODES = PACKAGE_NODES.filter((node) => node.working).map((node) => ({
	type: node.type,
	...node.working!,
}));

/** One of them, by the name its facts give it ("Chat", "Embed"). */
export function workingNode(name: string) {
	const node = WORKING_NODES.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`No node named ${name} has working parameters in test/nodes`);
	return node;
}
