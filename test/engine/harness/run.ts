/* Runs a node the way n8n does: a manual trigger and the node in n8n-core's WorkflowExecute, or a sub-node's
 * supplyData in n8n-core's SupplyDataContext. */
import { ExecutionLifecycleHooks, SupplyDataContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
} from 'n8n-workflow';
import {
	createEmptyRunExecutionData,
	createRunExecutionData,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';
import {
	CREDENTIAL_TYPE,
	credentialTypes,
	TestCredentialsHelper,
	additionalDataFor,
	loadPackage,
	workflowNode,
	nodeTypesFrom,
} from './loader';

export interface RunNodeOptions {
	/** Node type name without the package prefix, e.g. `cohereModels`. */
	type: string;
	parameters: IDataObject;
	credentials?: ICredentialDataDecryptedObject;
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** Abort the execution after this many ms (n8n's "cancel execution"). */
	cancelAfterMs?: number;
}

export interface RunNodeResult {
	items: INodeExecutionData[];
	error?: Error & {
		description?: string;
		httpCode?: string;
		context?: IDataObject;
		message: string;
	};
	run: IRun;
}

/** Runs one of our nodes on the given input items through WorkflowExecute. */
export async function runNode(options: RunNodeOptions): Promise<RunNodeResult> {
	const loader = await loadPackage();
	const node: INode = {
		...workflowNode({
			id: 'node-under-test',
			name: 'Cohere',
			type: options.type,
			parameters: options.parameters,
			credential: options.credentials !== undefined,
		}),
		continueOnFail: options.continueOnFail,
		onError: options.continueOnFail ? 'continueRegularOutput' : undefined,
	};
	const workflow = new Workflow({
		id: 'test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFrom(loader),
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', {
		id: 'test',
		name: 'test',
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	} as never);
	let finished: (run: IRun) => void = () => {};
	const done = new Promise<IRun>((resolve) => (finished = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => finished(run));
	const helper = new TestCredentialsHelper(
		await credentialTypes(),
		options.credentials ? { [CREDENTIAL_TYPE]: options.credentials } : {},
	);
	const runExecutionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [
				{ node, data: { main: [options.items ?? [{ json: {} }]] }, source: null },
			],
		},
	});
	const execute = new WorkflowExecute(additionalDataFor(helper, hooks), 'manual', runExecutionData);
	let running: ReturnType<WorkflowExecute['processRunExecutionData']>;
	try {
		running = execute.processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose nodes have issues (e.g. a required parameter left empty).
		return { items: [], error: error as RunNodeResult['error'], run: undefined as unknown as IRun };
	}
	if (options.cancelAfterMs !== undefined)
		setTimeout(() => running.cancel(), options.cancelAfterMs);
	await running.catch(() => undefined);
	const run = await done;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunNodeResult['error'],
		run,
	};
}

export interface SuppliedData {
	/** What the sub-node gives its root node (a chat model, an embeddings or a reranker object). */
	response: any;
	/** The runs the sub-node recorded (what the editor shows for it), by connection type. */
	runs: () => IRun['data']['resultData']['runData'];
}

/**
 * Calls a sub-node's supplyData as n8n does when a root node (AI Agent, vector store) asks for its
 * connection: the node is loaded from the built package and gets n8n-core's real SupplyDataContext.
 */
export async function supplyData(options: {
	type: string;
	parameters: IDataObject;
	credentials: ICredentialDataDecryptedObject;
	connectionType: string;
}): Promise<SuppliedData> {
	const loader = await loadPackage();
	const nodeType = loader.nodeTypes[options.type].type as INodeType;
	const node = workflowNode({
		id: 'sub-node',
		name: 'Cohere Sub-node',
		type: options.type,
		parameters: options.parameters,
		credential: true,
	});
	const workflow = new Workflow({
		id: 'sub-node-test',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFrom(loader),
	});
	// The parameters as n8n resolves them: defaults filled in for what the test left out.
	node.parameters = NodeHelpers.getNodeParameters(
		nodeType.description.properties,
		node.parameters,
		true,
		false,
		node,
		nodeType.description,
	) as INode['parameters'];
	const hooks = new ExecutionLifecycleHooks('manual', 'supply-data', {} as never);
	const helper = new TestCredentialsHelper(await credentialTypes(), {
		[CREDENTIAL_TYPE]: options.credentials,
	});
	const runExecutionData = createEmptyRunExecutionData();
	const context = new SupplyDataContext(
		workflow,
		node,
		additionalDataFor(helper, hooks),
		'manual',
		runExecutionData,
		0,
		[{ json: {} }],
		{ main: [[{ json: {} }]] },
		options.connectionType as never,
		{ node, data: { main: [[{ json: {} }]] }, source: null },
		[],
	);
	const supplied = await nodeType.supplyData!.call(context, 0);
	return { response: supplied.response, runs: () => runExecutionData.resultData.runData };
}

/** Cohere Embed (v2, embed-v4.0) on `count` rows `row 0`, `row 1`...: the run and its input items. */
export async function embedRows(count: number, credentials: ICredentialDataDecryptedObject) {
	const items = Array.from({ length: count }, (_, i) => ({ json: { text: `row ${i}` } }));
	const run = await runNode({
		type: 'cohereEmbed',
		parameters: {
			api: 'cohere',
			model: { __rl: true, mode: 'id', value: 'embed-v4.0' },
			text: '={{ $json.text }}',
		},
		credentials,
		items,
	});
	return { items, run };
}
