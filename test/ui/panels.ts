/**
 * The order of the fields a user meets on each node's panel (parameter names, top level), for the forms a
 * node has. The engine-level test computes it from the descriptions with n8n's own display rules; the
 * browser test reads it from the editor for a fresh node (the first form of each node).
 */
export const PANEL_ORDER: Record<
	string,
	Array<{ form: Record<string, string>; fields: string[] }>
> = {
	cohereChat: [
		{
			form: { api: 'v2' },
			fields: [
				'api',
				'model',
				'inputMode',
				'prompt',
				'systemMessage',
				'images',
				'documents',
				'citationMode',
				'tools',
				'toolChoice',
				'strictTools',
				'responseFormat',
				'simplify',
				'options',
			],
		},
		{
			form: { api: 'v1' },
			fields: [
				'api',
				'chatV1Model',
				'message',
				'preamble',
				'chatHistory',
				'documents',
				'connectors',
				'simplify',
				'options',
			],
		},
		{
			form: { api: 'generate' },
			fields: ['api', 'generateModel', 'completionPrompt', 'simplify', 'options'],
		},
		{
			form: { api: 'openai' },
			fields: [
				'api',
				'compatibleModel',
				'compatiblePath',
				'inputMode',
				'prompt',
				'systemMessage',
				'images',
				'files',
				'tools',
				'toolChoice',
				'responseFormat',
				'simplify',
				'options',
			],
		},
	],
	cohereEmbed: [
		{
			form: { api: 'cohere' },
			fields: [
				'api',
				'model',
				'input',
				'text',
				'inputType',
				'embeddingTypes',
				'output',
				'fieldName',
				'options',
			],
		},
		{
			form: { api: 'openai' },
			fields: [
				'api',
				'compatibleModel',
				'compatiblePath',
				'text',
				'inputType',
				'output',
				'fieldName',
				'options',
			],
		},
	],
	cohereRerank: [
		{
			form: {},
			fields: ['model', 'query', 'source', 'document', 'topN', 'output', 'options'],
		},
	],
	cohereBatch: [
		{
			form: { operation: 'runChat' },
			fields: [
				'operation',
				'model',
				'prompt',
				'systemMessage',
				'responseFormat',
				'simplify',
				'options',
			],
		},
		{
			form: { operation: 'runChat', responseFormat: 'json_schema' },
			fields: [
				'operation',
				'model',
				'prompt',
				'systemMessage',
				'responseFormat',
				'jsonSchema',
				'simplify',
				'options',
			],
		},
		{
			form: { operation: 'create' },
			fields: ['operation', 'inputDatasetId', 'model', 'name', 'options'],
		},
		{ form: { operation: 'get' }, fields: ['operation', 'batchId', 'outputResults', 'options'] },
		{ form: { operation: 'list' }, fields: ['operation', 'returnAll', 'limit', 'options'] },
		{ form: { operation: 'cancel' }, fields: ['operation', 'batchId', 'options'] },
	],
	cohereEmbedJobs: [
		{
			form: { resource: 'embedJob', operation: 'create' },
			fields: [
				'resource',
				'operation',
				'datasetId',
				'model',
				'inputType',
				'embeddingTypes',
				'jobName',
				'truncate',
				'waitForCompletion',
				'options',
			],
		},
		{
			form: { resource: 'embedJob', operation: 'get' },
			fields: ['resource', 'operation', 'jobId', 'options'],
		},
		{
			form: { resource: 'dataset', operation: 'get' },
			fields: ['resource', 'operation', 'datasetId', 'options'],
		},
	],
	cohereClassify: [
		{
			form: { method: 'embeddings' },
			fields: ['method', 'model', 'input', 'examplesSource', 'examples', 'simplify', 'options'],
		},
	],
	cohereSummarize: [
		{
			form: { method: 'chat' },
			fields: [
				'method',
				'model',
				'text',
				'length',
				'format',
				'extractiveness',
				'additionalCommand',
				'simplify',
				'options',
			],
		},
	],
	cohereTokenize: [{ form: {}, fields: ['operation', 'model', 'text', 'simplify', 'options'] }],
	cohereTranscribe: [
		{
			form: { api: 'cohere' },
			fields: ['api', 'model', 'binaryPropertyName', 'language', 'simplify', 'options'],
		},
		{
			form: { api: 'openai' },
			fields: [
				'api',
				'compatibleModel',
				'compatiblePath',
				'binaryPropertyName',
				'language',
				'simplify',
				'options',
			],
		},
	],
	cohereModels: [{ form: {}, fields: ['operation', 'returnAll', 'limit', 'filters', 'options'] }],
	cohereHttpRequest: [
		{
			form: {},
			fields: [
				'method',
				'url',
				'sendQuery',
				'sendHeaders',
				'sendBody',
				'specifyBody',
				'jsonBody',
				'options',
			],
		},
	],
	cohereChatModel: [{ form: {}, fields: ['model', 'options'] }],
	cohereEmbeddings: [{ form: {}, fields: ['model', 'options'] }],
	cohereReranker: [{ form: {}, fields: ['model', 'topN', 'options'] }],
};
