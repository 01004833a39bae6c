import type {
	IAuthenticateRuleResponseCode,
	IAuthenticateRuleResponseSuccessBody,
	Icon,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * n8n already ships a credential named `cohereApi`, so ours has its own name.
 * The Base URL rule (blank means api.cohere.com, no scheme means https://, a trailing slash or `/v1` is
 * stripped) is written twice: as the test request's expression below, which n8n evaluates, and as the
 * transport's `normalizeBaseUrl`. test/engine/credential.test.ts checks that both agree on every form.
 */
export class CohereBearerApi implements ICredentialType {
	name = 'cohereBearerApi';

	// n8n's own credential is also called "Cohere API": ours says what it adds, so the two can be told apart.
	displayName = 'Cohere (Base URL, Client Name) API';

	icon: Icon = {
		light: 'file:../nodes/icons/cohere.svg',
		dark: 'file:../nodes/icons/cohere.dark.svg',
	};

	documentationUrl = 'https://github.com/n8n-nodes-cohere/n8n-nodes-cohere#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'For the n8n-nodes-cohere nodes. Besides the API key it takes a Base URL (Azure, AWS Bedrock, OCI, LiteLLM, a company gateway) and an optional Client Name. n8n\'s own Cohere nodes use n8n\'s "Cohere API" credential instead.',
			name: 'notice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'Your Cohere API key (dashboard.cohere.com → API keys), or the key of your gateway',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.cohere.com',
			placeholder: 'https://api.cohere.com',
			description:
				'Where requests go. Change it for Azure, AWS Bedrock, OCI, LiteLLM or a company gateway. A trailing "/" or "/v1" is ignored.',
		},
		{
			displayName: 'Client Name',
			name: 'clientName',
			type: 'string',
			default: '',
			placeholder: 'my-n8n-workflows',
			description:
				'Optional name sent as the X-Client-Name header, so your requests can be told apart in Cohere usage logs',
		},
	];

	/**
	 * n8n applies this to every request of our nodes, so no node handles the key. A function rather than a
	 * generic header map: an Authorization header set anywhere else is removed (in any letter case), and
	 * X-Client-Name is only sent when a Client Name is set.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: IDataObject = {};
		const clientName =
			typeof credentials.clientName === 'string' ? credentials.clientName.trim() : '';
		for (const [name, value] of Object.entries(requestOptions.headers ?? {})) {
			const lower = name.toLowerCase();
			if (lower === 'authorization' || (clientName && lower === 'x-client-name')) continue;
			headers[name] = value;
		}
		headers.Authorization = `Bearer ${String(credentials.apiKey ?? '')}`;
		if (clientName) headers['X-Client-Name'] = clientName;
		return { ...requestOptions, headers };
	}

	/**
	 * A request-based test, run by n8n itself. Redirects are not followed (the key must not go to another
	 * host, and a Base URL that redirects should be replaced by its target), and a 200 must look like
	 * Cohere's models list: an HTML page from a wrong Base URL is not a success.
	 */
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{(String($credentials.baseUrl || "").trim() || "https://api.cohere.com").replace(/^(?![a-z][a-z0-9+.-]*:\\/\\/)/i, "https://").replace(/\\/+$/, "").replace(/\\/v1$/, "")}}',
			url: '/v1/models',
			method: 'GET',
			qs: { page_size: 1 },
			disableFollowRedirect: true,
		},
		// n8n's tester reads both kinds of rule from one list; its type only allows one kind per list.
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Cohere rejected the API key (401 invalid api token). Check the API Key, and the Base URL if you use a gateway.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'The Base URL does not serve the Cohere API (404 on /v1/models). Check the Base URL.',
				},
			},
			...[301, 302, 303, 307, 308].map((status) => ({
				type: 'responseCode' as const,
				properties: {
					value: status,
					message: `The Base URL redirects elsewhere (${status}). The API key is only sent to the Base URL itself: set the Base URL to the address it redirects to.`,
				},
			})),
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'models',
					value: undefined,
					message:
						"The Base URL answered, but not like the Cohere API (no models list on /v1/models). Check the Base URL: https://api.cohere.com, or your gateway's Cohere-compatible address.",
				},
			},
		] as Array<
			IAuthenticateRuleResponseCode | IAuthenticateRuleResponseSuccessBody
		> as IAuthenticateRuleResponseCode[],
	};
}
