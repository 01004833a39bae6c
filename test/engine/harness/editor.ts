/* What the editor asks of a node: dropdown methods in n8n-core's LoadOptionsContext, and the credential test. */
import { ExecuteContext, ExecutionLifecycleHooks, LoadOptionsContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IExecuteData,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeListSearchResult,
	INodeType,
} from 'n8n-workflow';
import { createEmptyRunExecutionData, Workflow } from 'n8n-workflow';
import {
	CREDENTIAL_TYPE,
	TestCredentialsHelper,
	additionalDataFor,
	credentialTypes,
	loadPackage,
	workflowNode,
	nodeTypesFrom,
} from './loader';
import { runNode } from './run';

/** Runs `load` in the context the editor gives a node's dropdown methods (n8n-core's LoadOptionsContext). */
export async function withLoadOptionsContext<T>(
	type: string,
	credentials: ICredentialDataDecryptedObject,
	load: (context: LoadOptionsContext, nodeType: INodeType) => Promise<T>,
): Promise<T> {
	const loader = await loadPackage();
	const nodeType = loader.nodeTypes[type].type as INodeType;
	const node = workflowNode({ id: 'n', name: 'Cohere', type, credential: true });
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
	const node = workflowNode({
		id: 'temp',
		name: 'Temp-Node',
		type: 'temp',
		credential: true,
		foreign: true,
	});
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
