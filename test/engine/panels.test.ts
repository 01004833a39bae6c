/* What a user sees on each panel, computed from the descriptions with n8n's own display rules: the fields in
 * the order people work (each node's facts in test/nodes), collections sorted, and subtitles in words. */
import type { IDataObject, INode, INodeProperties, INodeType } from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME } from './harness';
import { PACKAGE_NODES } from '../nodes';

async function nodeType(type: string): Promise<INodeType> {
	return (await loadPackage()).nodeTypes[type].type as INodeType;
}

/** The top-level fields the editor shows for these parameters, by n8n's own display rules, in order. */
function visibleFields(type: INodeType, parameters: Record<string, unknown>): string[] {
	const { description } = type;
	const node = { typeVersion: 1, parameters } as unknown as INode;
	const values = NodeHelpers.getNodeParameters(
		description.properties,
		parameters as never,
		true,
		false,
		node,
		description,
	)!;
	const shown = description.properties
		.filter((property) =>
			NodeHelpers.displayParameter(
				values,
				property,
				{ ...node, parameters: values } as INode,
				description,
			),
		)
		.map((property) => property.name);
	return [...new Set(shown)];
}

describe('panels read in the order people work', () => {
	test('every node the package loads has its panel order in its facts', async () => {
		const loaded = Object.keys((await loadPackage()).nodeTypes).sort();
		expect(
			PACKAGE_NODES.filter((node) => node.panels.length > 0)
				.map((node) => node.type)
				.sort(),
		).toEqual(loaded);
	});

	for (const { type, panels: forms } of PACKAGE_NODES) {
		test.each(forms.map((form) => [JSON.stringify(form.form), form.fields]))(
			`${type} %s`,
			async (form, fields) => {
				expect(visibleFields(await nodeType(type), JSON.parse(form as string))).toEqual(fields);
			},
		);
	}

	test('Chat: the prompt and system message are one field in v2 and OpenAI-compatible (switching keeps them)', async () => {
		const chat = await nodeType('cohereChat');
		const prompts = chat.description.properties.filter((p) => p.name === 'prompt');
		expect(prompts).toHaveLength(1);
		expect(prompts[0].displayOptions?.show?.api).toEqual(['v2', 'openai']);
		const systems = chat.description.properties.filter((p) => p.name === 'systemMessage');
		expect(systems).toHaveLength(1);
		expect(systems[0].displayOptions?.show?.api).toEqual(['v2', 'openai']);
	});

	test('every collection (Options, Filters) lists its fields alphabetically, units in words', async () => {
		const unsorted: string[] = [];
		const labels: string[] = [];
		const walk = (type: string, properties: INodeProperties[]) => {
			for (const property of properties) {
				labels.push(property.displayName);
				if (property.type !== 'collection') continue;
				const names = (property.options as INodeProperties[]).map((o) => o.displayName);
				const sorted = [...names].sort((a, b) => a.localeCompare(b));
				if (names.join('|') !== sorted.join('|'))
					unsorted.push(`${type} ${property.displayName}: ${names.join(', ')}`);
				walk(type, property.options as INodeProperties[]);
			}
		};
		for (const { type } of PACKAGE_NODES) walk(type, (await nodeType(type)).description.properties);
		expect(unsorted).toEqual([]);
		expect(labels).toContain('Delay Between Batches (Milliseconds)');
		expect(labels.filter((label) => /\((Ms|S|Sec)\)/.test(label))).toEqual([]);
	});

	test('Rerank says on the panel, not only in a tooltip, that Top N 0 keeps every document', async () => {
		const topN = (await nodeType('cohereRerank')).description.properties.find(
			(p) => p.name === 'topN',
		)!;
		expect(topN.hint).toBe('0 keeps every document, best first');
		const reranker = (await nodeType('cohereReranker')).description.properties.find(
			(p) => p.name === 'topN',
		)!;
		expect(reranker).toMatchObject({ default: 3, hint: topN.hint });
	});
});

describe('subtitles in words', () => {
	async function subtitle(type: string, parameters: Record<string, unknown>): Promise<unknown> {
		const loader = await loadPackage();
		const description = (await nodeType(type)).description;
		const node: INode = {
			id: 'n',
			name: 'Node',
			type: `${PACKAGE_NAME}.${type}`,
			typeVersion: 1,
			position: [0, 0],
			parameters: NodeHelpers.getNodeParameters(
				description.properties,
				parameters as never,
				true,
				false,
				{ typeVersion: 1, parameters } as unknown as INode,
				description,
			)!,
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: {
				getByName: () => loader.nodeTypes[type].type,
				getByNameAndVersion: () => loader.nodeTypes[type].type as INodeType,
				getKnownTypes: () => ({}),
			},
		});
		return workflow.expression.getSimpleParameterValue(node, description.subtitle, 'internal', {});
	}

	test.each(
		PACKAGE_NODES.flatMap(({ type, subtitles }) =>
			(subtitles ?? []).map(
				([parameters, expected]) => [type, parameters, expected] as [string, IDataObject, string],
			),
		),
	)('%s %j: "%s"', async (type, parameters, expected) => {
		expect(await subtitle(type, parameters)).toBe(expected);
	});
});
