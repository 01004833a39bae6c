import type { IExecuteFunctions, ISupplyDataFunctions } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

/**
 * Reads a JSON parameter that users fill either with JSON text or with an expression that already gives an
 * object or array. Errors name the parameter (by its label) and the item.
 */
export function getJsonParameter<T = unknown>(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fallback?: T,
): T | undefined {
	const raw = this.getNodeParameter(name, itemIndex, fallback ?? '') as unknown;
	if (raw === undefined || raw === null) return fallback;
	if (typeof raw !== 'string') return raw as T;
	const text = raw.trim();
	if (!text) return fallback;
	try {
		return jsonParse<T>(text);
	} catch (error) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${label}" is not valid JSON: ${(error as Error).message}`,
			{
				itemIndex,
			},
		);
	}
}

/**
 * The error for a required parameter left without a value, naming the parameter (by its label) and the
 * item: the one wording every node uses.
 */
export function emptyParameterError(
	this: Pick<IExecuteFunctions, 'getNode'>,
	label: string,
	itemIndex: number,
	description = `Give the "${label}" a value, or map it from the input with an expression.`,
): NodeOperationError {
	return new NodeOperationError(
		this.getNode(),
		`The parameter "${label}" is empty in item ${itemIndex}`,
		{ itemIndex, description },
	);
}

/** A value already read as text, refused when empty (see emptyParameterError). */
export function requireText(
	this: Pick<IExecuteFunctions, 'getNode'>,
	value: unknown,
	label: string,
	itemIndex: number,
): string {
	const text = asText(value);
	if (!text.trim()) throw emptyParameterError.call(this, label, itemIndex);
	return text;
}

/** A required text parameter: refused before any request when empty, naming the parameter and the item. */
export function getRequiredText(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	/** For a resource locator: its value, whichever mode the user picked (a plain string works too). */
	extractValue = false,
): string {
	// A plain `{{ $json.field }}` is read from the item directly (see perItemParameter): at 500 chat items
	// n8n's evaluation of the prompt expression was a fifth of the node's own time.
	const value = extractValue
		? this.getNodeParameter(name, itemIndex, '', { extractValue })
		: perItemParameter.call(this, name)(itemIndex);
	return requireText.call(this, value, label, itemIndex);
}

/** Removes the keys whose value is undefined, so that only what the user set is sent. */
export function compact<T extends Record<string, unknown>>(object: T): Partial<T> {
	return Object.fromEntries(
		Object.entries(object).filter(([, value]) => value !== undefined && value !== ''),
	) as Partial<T>;
}

/** `={{ $json.text }}`, `={{ $json.note.body }}` or `={{ $json["text"] }}`, and nothing else. */
const PLAIN_FIELD_EXPRESSION =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:"[^"\\]*"|'[^'\\]*')\s*\])+)\s*\}\}$/;

/**
 * Reads one parameter for many items. When the parameter is only a reference to a field of the item
 * (`{{ $json.text }}`, the usual mapping), the field is read directly: the result is the same as n8n's
 * expression gives, without evaluating 10,000 expressions one by one. Anything else is evaluated by n8n.
 */
export function perItemParameter(
	this: IExecuteFunctions,
	name: string,
): (itemIndex: number) => unknown {
	let readers = fieldReaders.get(this);
	if (!readers) fieldReaders.set(this, (readers = new Map()));
	let reader = readers.get(name);
	if (!reader) readers.set(name, (reader = fieldReader.call(this, name)));
	return reader;
}

/** The readers of one node run, made once per parameter. */
const fieldReaders = new WeakMap<IExecuteFunctions, Map<string, (itemIndex: number) => unknown>>();

function fieldReader(this: IExecuteFunctions, name: string): (itemIndex: number) => unknown {
	const raw = this.getNode().parameters[name];
	const match = typeof raw === 'string' ? PLAIN_FIELD_EXPRESSION.exec(raw) : null;
	if (!match) return (itemIndex) => this.getNodeParameter(name, itemIndex, '');
	const path = [
		...match[1].matchAll(/\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\]/g),
	].map((m) => m[1] ?? m[2] ?? m[3]);
	const items = this.getInputData();
	return (itemIndex) => {
		let value: unknown = items[itemIndex]?.json;
		for (const key of path) {
			if (value === null || value === undefined || typeof value !== 'object') return undefined;
			value = (value as Record<string, unknown>)[key];
		}
		return value;
	};
}

/** The model of a resource-locator field; refused when empty unless the API has a default model. */
export function getModelId(
	this: IExecuteFunctions | ISupplyDataFunctions,
	itemIndex: number,
	name = 'model',
	required = true,
): string {
	const model = String(
		this.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!model && required) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "Model" is empty in item ${itemIndex}`,
			{ itemIndex },
		);
	}
	return model;
}

/**
 * The one rule for values sent as text: strings as they are, numbers and booleans as text, objects and
 * arrays as JSON (never "[object Object]"), nothing as an empty string.
 */
export function asText(value: unknown): string {
	if (typeof value === 'string') return value;
	if (value === undefined || value === null) return '';
	if (typeof value === 'object') return JSON.stringify(value) ?? '';
	return String(value);
}

/**
 * An ID that becomes one segment of a URL path (`/v1/datasets/{id}`, URL-encoded there): required, and
 * never `.` or `..`, which would walk the path to another endpoint (`GET /v1/datasets/..` is `GET /v1/`).
 */
export function getPathSegment(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	return checkPathSegment.call(
		this,
		getRequiredText.call(this, name, label, itemIndex, true).trim(),
		label,
		itemIndex,
	);
}

/** Refuses `.` and `..` as an ID that goes into a URL path (see getPathSegment). */
export function checkPathSegment(
	this: IExecuteFunctions,
	id: string,
	label: string,
	itemIndex: number,
): string {
	if (id === '.' || id === '..') {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${label}" is not a valid ID ("${id}") in item ${itemIndex}`,
			{ itemIndex, description: `Give the ${label} as Cohere returned it.` },
		);
	}
	return id;
}

/**
 * The model and API path of an OpenAI-compatible endpoint (Cohere's compatibility API or a gateway), for
 * Chat, Embed and Transcribe alike: the model required and sent as text, the path as text whatever an
 * expression gives.
 */
export function getCompatibleEndpoint(
	this: IExecuteFunctions,
	itemIndex: number,
): { model: string; path: string } {
	const model = getRequiredText.call(this, 'compatibleModel', 'Model', itemIndex).trim();
	const path = normalizePath(
		asText(this.getNodeParameter('compatiblePath', itemIndex, '/compatibility/v1')),
	);
	return { model, path };
}

/** `/api/v1/` and `api/v1` both become `/api/v1`. */
export function normalizePath(path: string): string {
	const trimmed = path.trim().replace(/\/+$/, '');
	return trimmed === '' ? '' : trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}
