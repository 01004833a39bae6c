import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** What the tests know of one node, kept beside the node's name (test/nodes/<type>.ts), not in central tables. */
export interface NodeFacts {
	/** Words a user types in the editor's node search that find this node (its codex aliases). Main nodes only. */
	searchWords?: string[];
	/** An AI sub-node's one output. */
	aiOutput?: 'ai_languageModel' | 'ai_embedding' | 'ai_reranker';
	/**
	 * Where the editor's AI view files a sub-node: `(top)` with the models (and so found in the main search
	 * too), or under its "(sub-nodes)" heading.
	 */
	aiSection?: string;
	/** The fields a user meets top to bottom, for each form of the panel; the first is a fresh node's. */
	panels: Array<{ form: Record<string, string>; fields: string[] }>;
	/** The subtitle under the node for some parameters. */
	subtitles?: Array<[IDataObject, string]>;
	/**
	 * Parameters that run against the emulator, for the tests that hold every node that reads the shared
	 * options to the same rules; `batching` when it has the batching options too.
	 */
	working?: {
		name: string;
		parameters: IDataObject;
		items?: INodeExecutionData[];
		batching?: boolean;
	};
}
