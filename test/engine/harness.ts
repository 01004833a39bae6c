/* Runs our nodes the way n8n does: the package is loaded from its built `dist/` through the package.json
 * `n8n` block by n8n-core's PackageDirectoryLoader, and workflows run in n8n-core's WorkflowExecute. */
import path from 'node:path';

import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PackageDirectoryLoader,
	RoutingNode,
	SupplyDataContext,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteData,
	IHttpRequestOptions,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import {
	createEmptyRunExecutionData,
	createRunExecutionData,
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';

export const PACKAGE_ROOT = path.resolve(__dirname, '../..');
export const PACKAGE_NAME = 'n8n-nodes-cohere';
export const CREDENTIAL_TYPE = 'cohereBearerApi';

let loaderPromise: Promise<PackageDirectoryLoader> | undefined;

/** Loads the built package exactly as n8n loads a community package. */
export async function loadPackage(): Promise<PackageDirectoryLoader> {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		return loader;
	})();
	return await loaderPromise;
}

function nodeTypesFrom(
	loader: PackageDirectoryLoader,
	extra: Record<string, INodeType> = {},
): INodeTypes {
	const lookup = (type: string): INodeType | IVersionedNodeType => {
		if (extra[type]) return extra[type];
		const name = type.startsWith(`${PACKAGE_NAME}.`) ? type.slice(PACKAGE_NAME.length + 1) : type;
		const loaded = loader.nodeTypes[name];
		if (!loaded) throw new Error(`Unknown node type ${type}`);
		return loaded.type;
	};
	return {
		getByName: lookup,
		getByNameAndVersion: (type, version) => NodeHelpers.getVersionedNodeType(lookup(type), version),
		getKnownTypes: () => ({}),
	};
}

/** The part of n8n's CredentialsHelper that our nodes use: decrypted data in, the credential's authenticate applied. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = this.credentialTypes[typeName];
		if (typeof type?.authenticate === 'function')
			return await type.authenticate(credentials, requestOptions);
		throw new Error(`Credential type ${typeName} has no authenticate function`);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties() {
		return [];
	}

	async getDecrypted(
		_additionalData: unknown,
		_nodeCredentials: unknown,
		type: string,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.data[type];
		if (!data) throw new Error(`No test credentials of type ${type}`);
		// Fill defaults the way n8n does for fields the user left empty.
		const defaults = Object.fromEntries(
			(this.credentialTypes[type]?.properties ?? []).map((p) => [p.name, p.default]),
		);
		return { ...defaults, ...data } as ICredentialDataDecryptedObject;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used by these tests');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}

function additionalDataFor(
	credentialsHelper: ICredentialsHelper,
	hooks: ExecutionLifecycleHooks,
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper,
		hooks,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1/rest',
		instanceBaseUrl: 'http://127.0.0.1',
		formBaseUrl: 'http://127.0.0.1:5678/formBaseUrl',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/formWaitingBaseUrl',
		formTestBaseUrl: 'http://127.0.0.1:5678/formTestBaseUrl',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhookBaseUrl',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhookWaitingBaseUrl',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhookTestBaseUrl',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcpBaseUrl',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcpTestBaseUrl',
		variables: {},
		executeWorkflow: async () => {
			throw new Error('not used by these tests');
		},
		getRunExecutionData: async () => undefined,
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used by these tests');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export async function credentialTypes(): Promise<Record<string, ICredentialType>> {
	const loader = await loadPackage();
	return Object.fromEntries(
		Object.entries(loader.credentialTypes).map(([name, { type }]) => [name, type]),
	);
}

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
		id: 'node-under-test',
		name: 'Cohere',
		type: `${PACKAGE_NAME}.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials:
			options.credentials === undefined
				? undefined
				: { [CREDENTIAL_TYPE]: { id: '1', name: 'Cohere API' } },
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
	const node: INode = {
		id: 'sub-node',
		name: 'Cohere Sub-node',
		type: `${PACKAGE_NAME}.${options.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters as INode['parameters'],
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Cohere API' } },
	};
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

/** Runs `load` in the context the editor gives a node's dropdown methods (n8n-core's LoadOptionsContext). */
export async function withLoadOptionsContext<T>(
	type: string,
	credentials: ICredentialDataDecryptedObject,
	load: (context: LoadOptionsContext, nodeType: INodeType) => Promise<T>,
): Promise<T> {
	const loader = await loadPackage();
	const nodeType = loader.nodeTypes[type].type as INodeType;
	const node: INode = {
		id: 'n',
		name: 'Cohere',
		type: `${PACKAGE_NAME}.${type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Cohere API' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFrom(loader),
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'load-options', {} as never);
	const helper = new TestCredentialsHelper(await credentialTypes(), {
		[CREDENTIAL_TYPE]: credentials,
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalDataFor(helper, hooks),
		'parameters.model',
	);
	return await load(context, nodeType);
}

/** Calls a node's listSearch method as the editor does when a dropdown opens (or scrolls to the next page). */
export async function listSearch(
	type: string,
	method: string,
	credentials: ICredentialDataDecryptedObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await withLoadOptionsContext(type, credentials, async (context, nodeType) => {
		const search = nodeType.methods?.listSearch?.[method];
		if (!search) throw new Error(`No listSearch method ${method} on ${type}`);
		return await search.call(context, filter, paginationToken);
	});
}

/**
 * Runs the credential's test the way n8n's CredentialsTester does for request-based tests: the test request
 * is the routing of a temporary node, run by n8n-core's RoutingNode, and the rules decide on failures.
 */
export async function testCredential(
	credentials: ICredentialDataDecryptedObject,
): Promise<INodeCredentialTestResult> {
	const types = await credentialTypes();
	const credentialType = types[CREDENTIAL_TYPE];
	const testRequest = credentialType.test!;
	const nodeType: INodeType = {
		description: {
			displayName: 'Temp',
			name: 'temp',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: testRequest.request },
					default: '',
				},
			],
		},
	};
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Cohere API' } },
	};
	const loader = await loadPackage();
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesFrom(loader, { temp: nodeType }),
	});
	const helper = new TestCredentialsHelper(types, { [CREDENTIAL_TYPE]: credentials });
	const hooks = new ExecutionLifecycleHooks('internal', 'credential-test', {} as never);
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalDataFor(helper, hooks),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		executeData,
		[],
	);
	const filled = await helper.getDecrypted(undefined, undefined, CREDENTIAL_TYPE);
	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await new RoutingNode(context, nodeType, {
			id: '1',
			name: 'Cohere API',
			type: CREDENTIAL_TYPE,
			data: filled,
		}).runNode();
	} catch (error) {
		const response = (error as { cause?: { response?: { status: number; statusText?: string } } })
			.cause?.response;
		if (response) {
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status)
					return { status: 'Error', message: rule.properties.message };
			}
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
		return { status: 'Error', message: (error as Error).message };
	}
	// As n8n's CredentialsTester: a success body whose `key` equals `value` is an error.
	for (const rule of testRequest.rules ?? []) {
		if (rule.type !== 'responseSuccessBody') continue;
		const json = response?.[0]?.[0]?.json as unknown;
		const found = rule.properties.key
			.split('.')
			.reduce<unknown>(
				(value, key) =>
					value !== null && value !== undefined
						? (value as Record<string, unknown>)[key]
						: undefined,
				json,
			);
		if (found === rule.properties.value)
			return { status: 'Error', message: rule.properties.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
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
