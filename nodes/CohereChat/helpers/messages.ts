import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { BinaryFile, BinaryRules } from '../../shared/formats/binary';
import { binaryPropertyNames, readBinaryFiles } from '../../shared/formats/binary';
import { asText, getJsonParameter, getRequiredText } from '../../shared/parameters/parameters';
import { getTools } from './options';
import type { ResponseFormat } from '../../shared/cohere/chat';

export const ROLES = ['system', 'user', 'assistant', 'tool'] as const;
export type Role = (typeof ROLES)[number];

export interface ChatMessage extends IDataObject {
	role: Role;
	content?: string | IDataObject[];
	tool_call_id?: string;
	tool_calls?: IDataObject[];
}

/** The error for a message list that cannot be sent, naming the item (thrown by the caller). */
function messageError(
	this: IExecuteFunctions,
	itemIndex: number,
	message: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(this.getNode(), message, { itemIndex, description });
}

function checkMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	message: unknown,
	position: number,
	source: string,
): ChatMessage {
	if (!message || typeof message !== 'object' || Array.isArray(message)) {
		throw messageError.call(
			this,
			itemIndex,
			`Message ${position + 1} in "${source}" of item ${itemIndex} is not an object with "role" and "content"`,
		);
	}
	const { role, content } = message as ChatMessage;
	if (!ROLES.includes(role)) {
		throw messageError.call(
			this,
			itemIndex,
			`Message ${position + 1} in "${source}" of item ${itemIndex} has an unknown role "${String(role)}"`,
			`Use one of: ${ROLES.join(', ')}.`,
		);
	}
	const hasToolCalls = role === 'assistant' && Array.isArray((message as ChatMessage).tool_calls);
	const empty =
		content === undefined ||
		content === null ||
		(typeof content === 'string' && content.trim() === '') ||
		(Array.isArray(content) && content.length === 0);
	if (empty && !hasToolCalls) {
		throw messageError.call(
			this,
			itemIndex,
			`Message ${position + 1} in "${source}" of item ${itemIndex} has no content`,
		);
	}
	if (role === 'tool' && !(message as ChatMessage).tool_call_id) {
		throw messageError.call(
			this,
			itemIndex,
			`Tool message ${position + 1} in "${source}" of item ${itemIndex} needs a "tool_call_id"`,
			'Send back the "id" of the tool call the result answers.',
		);
	}
	return message as ChatMessage;
}

/**
 * The conversation of one item, from whichever input form the user chose: a prompt with an optional system
 * message, a list of messages, or a messages array from an expression (a conversation from an earlier node).
 */
export function getMessages(this: IExecuteFunctions, itemIndex: number): ChatMessage[] {
	const mode = this.getNodeParameter('inputMode', itemIndex, 'prompt') as string;
	if (mode === 'prompt') {
		const prompt = getRequiredText.call(this, 'prompt', 'Prompt', itemIndex);
		const system = asText(this.getNodeParameter('systemMessage', itemIndex, '')).trim();
		return [
			...(system ? [{ role: 'system' as const, content: system }] : []),
			{ role: 'user', content: prompt },
		];
	}
	if (mode === 'messages') {
		const { values = [] } = this.getNodeParameter('messages', itemIndex, {}) as {
			values?: Array<{ role: string; content: string; toolCallId?: string }>;
		};
		if (values.length === 0)
			throw messageError.call(
				this,
				itemIndex,
				`The parameter "Messages" has no message in item ${itemIndex}`,
			);
		return values.map((value, position) =>
			checkMessage.call(
				this,
				itemIndex,
				{
					role: value.role,
					content: value.content,
					...(value.toolCallId ? { tool_call_id: value.toolCallId } : {}),
				},
				position,
				'Messages',
			),
		);
	}
	const messages = getJsonParameter.call(this, 'messagesJson', 'Messages (JSON)', itemIndex);
	if (!Array.isArray(messages) || messages.length === 0) {
		throw messageError.call(
			this,
			itemIndex,
			`The parameter "Messages (JSON)" must be a non-empty array of messages in item ${itemIndex}`,
			'For example: [{"role": "user", "content": "Hello"}]',
		);
	}
	return messages.map((message, position) =>
		checkMessage.call(this, itemIndex, message, position, 'Messages (JSON)'),
	);
}

/** Adds content parts (images, files) to the last user message, turning its text into a text part. */
export function attachToLastUserMessage(
	this: IExecuteFunctions,
	itemIndex: number,
	messages: ChatMessage[],
	parts: IDataObject[],
): ChatMessage[] {
	if (parts.length === 0) return messages;
	const index = messages.map((m) => m.role).lastIndexOf('user');
	if (index < 0)
		throw messageError.call(
			this,
			itemIndex,
			`Item ${itemIndex} has files to send but no user message to attach them to`,
		);
	const target = messages[index];
	const content =
		typeof target.content === 'string'
			? [{ type: 'text', text: target.content }]
			: [...(target.content ?? [])];
	const updated = [...messages];
	updated[index] = { ...target, content: [...content, ...parts] };
	return updated;
}

/** What the v2 and OpenAI-compatible forms share for one item: the conversation with its attachments, the
 * answer format and the tools. Each form turns the attachments into its own message parts. */
export interface Conversation {
	messages: ChatMessage[];
	responseFormat: ResponseFormat;
	tools: IDataObject[] | undefined;
	toolChoice: string;
}

export async function readConversation(
	this: IExecuteFunctions,
	itemIndex: number,
	attachments: {
		/** The binary parameters to read, with their rules (images for every form, files for one). */
		sources: Array<{ parameter: string; rules: BinaryRules }>;
		/** The message parts of what was read, in the order of `sources`. */
		toParts: (files: BinaryFile[][]) => IDataObject[];
	},
): Promise<Conversation> {
	const files: BinaryFile[][] = [];
	for (const { parameter, rules } of attachments.sources)
		files.push(
			await readBinaryFiles.call(
				this,
				itemIndex,
				binaryPropertyNames(this.getNodeParameter(parameter, itemIndex, '')),
				rules,
			),
		);
	return {
		messages: attachToLastUserMessage.call(
			this,
			itemIndex,
			getMessages.call(this, itemIndex),
			attachments.toParts(files),
		),
		responseFormat: this.getNodeParameter(
			'responseFormat',
			itemIndex,
			'text',
		) as Conversation['responseFormat'],
		tools: getTools.call(this, itemIndex),
		toolChoice: this.getNodeParameter('toolChoice', itemIndex, 'auto') as string,
	};
}
