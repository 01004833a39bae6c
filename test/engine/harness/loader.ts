/* Our package as n8n loads it: n8n-core's PackageDirectoryLoader on the built dist/ through package.json's
 * n8n block, its node types, and the credentials helper and additional data a workflow runs with. */
import { ExecutionLifecycleHooks, PackageDirectoryLoader } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	IHttpRequestOptions,
	INodeType,
	INodeTypes,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers } from 'n8n-workflow';

import { PACKAGE_NAME, PACKAGE_ROOT } from '../../nodes';

export { PACKAGE_NAME, PACKAGE_ROOT };
export const CREDENTIAL_TYPE = 'cohereBearerApi';

export let loaderPromise: Promise<PackageDirectoryLoader> | undefined;

/** Loads the built package exactly as n8n loads a community package. */
export async function loadPackage(): Promise<PackageDirectoryLoader> {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		return loader;
	})();
	return await loaderPromise;
}

export function nodeTypesFrom(
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
export class TestCredentialsHelper extends ICredentialsHelper {
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

export function additionalDataFor(
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

/**
 * A node of a test workflow, as n8n saves one: version 1 at the origin, with the Cohere credential when
 * `credential` is set. `type` is one of ours without the package prefix, unless `foreign` says otherwise.
 */
export function workflowNode(node: {
	id: string;
	name: string;
	type: string;
	parameters?: IDataObject;
	credential?: boolean;
	foreign?: boolean;
}): INode {
	return {
		id: node.id,
		name: node.name,
		type: node.foreign ? node.type : `${PACKAGE_NAME}.${node.type}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: (node.parameters ?? {}) as INode['parameters'],
		...(node.credential
			? { credentials: { [CREDENTIAL_TYPE]: { id: '1', name: 'Cohere API' } } }
			: {}),
	};
}

export async function credentialTypes(): Promise<Record<string, ICredentialType>> {
	const loader = await loadPackage();
	return Object.fromEntries(
		Object.entries(loader.credentialTypes).map(([name, { type }]) => [name, type]),
	);
}
