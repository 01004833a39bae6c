/* Cohere's OpenAPI contract, applied to what our nodes send and what the emulator answers. The spec is
 * vendored next to this file (see ./README.md for its source and date); its schemas are JSON Schema
 * 2020-12 (OpenAPI 3.1), checked with Ajv. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import YAML from 'yaml';
import { applyErrata } from './errata';

export const SPEC_FILE = path.join(__dirname, 'cohere-openapi.yaml');
const SPEC_ID = 'https://cohere-openapi.local/spec.json';

/** One request our node sent and the emulator's answer to it. */
export interface Exchange {
	method: string;
	path: string;
	query: Record<string, string>;
	/** Every value of each query parameter (arrays are sent as repeated keys). */
	queryAll: Record<string, string[]>;
	contentType: string;
	/** The parsed JSON body (undefined for none or a multipart upload). */
	body: unknown;
	status: number;
	response: unknown;
	/** Server-sent events of a streamed answer. */
	events?: Array<{ event: string; data: unknown }>;
	/** The documented connector sample this answer replays, if any. */
	sample?: string;
}

export interface Violation {
	side: 'request' | 'response';
	exchange: string;
	message: string;
	sample?: string;
}

interface Operation {
	template: string;
	parameters?: Array<{ in: string; name: string; required?: boolean; schema?: unknown }>;
	requestBody?: { content?: Record<string, { schema?: unknown }> };
	responses?: Record<string, { content?: Record<string, { schema?: unknown }> } | { $ref: string }>;
	'x-fern-streaming'?: unknown;
}

export type Json = Record<string, unknown>;

/** JSON pointer escaping, for the refs into the spec that the validators are compiled from. */
const pointer = (...parts: string[]) =>
	parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export class OpenApiContract {
	readonly spec: Json;
	/** Requests as the spec has them; responses also without properties the spec does not list. */
	private readonly ajv: { request: Ajv2020; response: Ajv2020 };
	private readonly validators = new Map<string, ValidateFunction>();
	private readonly operations: Array<{ method: string; pattern: RegExp; operation: Operation }> =
		[];

	constructor(specFile = SPEC_FILE) {
		this.spec = withDiscriminators(
			applyErrata(YAML.parse(readFileSync(specFile, 'utf8'), { maxAliasCount: -1 }) as Json),
		);
		const validatorOf = (spec: Json) => {
			// OpenAPI keywords (example, x-fern-*) are not JSON Schema: ignored, not errors.
			const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
			addFormats(ajv);
			// Formats that are OpenAPI's type hints (int64, binary...) or the spec's own words (string, enum, sse).
			for (const format of [
				'binary',
				'byte',
				'int32',
				'int64',
				'float',
				'double',
				'string',
				'enum',
				'sse',
				'jpeg',
			])
				ajv.addFormat(format, true);
			ajv.addSchema({ ...spec, $id: SPEC_ID });
			return ajv;
		};
		this.ajv = {
			request: validatorOf(this.spec),
			response: validatorOf(withoutUnlistedProperties(this.spec)),
		};
		for (const [template, methods] of Object.entries(this.spec.paths as Record<string, Json>)) {
			const pattern = new RegExp(
				`^${template.replace(/[.*+?^$()|[\]\\:]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
			);
			for (const [method, operation] of Object.entries(methods))
				if (typeof operation === 'object' && operation && 'responses' in operation)
					this.operations.push({
						method: method.toUpperCase(),
						pattern,
						operation: { ...(operation as Operation), template },
					});
		}
	}

	/** The spec's operation for a method and a concrete path (`/v1/datasets/abc` → `/v1/datasets/{id}`). */
	operation(method: string, requestPath: string): Operation | undefined {
		// A literal segment wins over a template one (`/v1/datasets/usage` over `/v1/datasets/{id}`).
		const matches = this.operations.filter(
			(entry) => entry.method === method && entry.pattern.test(requestPath),
		);
		matches.sort(
			(a, b) =>
				(a.operation.template.match(/\{/g)?.length ?? 0) -
				(b.operation.template.match(/\{/g)?.length ?? 0),
		);
		return matches[0]?.operation;
	}

	private validator(side: Violation['side'], ref: string): ValidateFunction {
		let validate = this.validators.get(`${side} ${ref}`);
		if (!validate) {
			validate = this.ajv[side].compile({ $ref: `${SPEC_ID}#${ref}` });
			this.validators.set(`${side} ${ref}`, validate);
		}
		return validate;
	}

	private resolve<T>(value: T | { $ref: string }): T {
		if (value && typeof value === 'object' && '$ref' in value) {
			const parts = (value as { $ref: string }).$ref.replace(/^#\//, '').split('/');
			return parts.reduce<unknown>(
				(node, part) => (node as Json)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
				this.spec,
			) as T;
		}
		return value as T;
	}

	private errors(side: Violation['side'], ref: string, value: unknown): string[] {
		const validate = this.validator(side, ref);
		if (validate(value)) return [];
		return (validate.errors ?? []).map(describeError);
	}

	/** Everything in this exchange that the spec rejects. */
	check(exchange: Exchange): Violation[] {
		const name = `${exchange.method} ${exchange.path}${
			Object.keys(exchange.query).length ? `?${new URLSearchParams(exchange.query)}` : ''
		} → ${exchange.status}`;
		const violation = (side: Violation['side'], message: string): Violation => ({
			side,
			exchange: name,
			message,
			...(exchange.sample ? { sample: exchange.sample } : {}),
		});
		const operation = this.operation(exchange.method, exchange.path);
		if (!operation) return [violation('request', 'no such operation in the spec')];
		const method = exchange.method.toLowerCase();
		const base = pointer('', 'paths', operation.template, method);
		const found: Violation[] = [];

		// Request: query parameters known and of their type, required ones present, the JSON body.
		const parameters = (operation.parameters ?? []).map((p) => this.resolve(p));
		for (const parameter of parameters) {
			if (parameter.in === 'query' && parameter.required && !(parameter.name in exchange.query))
				found.push(violation('request', `query parameter "${parameter.name}" is required`));
		}
		// A query parameter the spec does not list is not one it rejects (servers ignore them): only the
		// listed ones are checked.
		for (const [key, values] of Object.entries(exchange.queryAll)) {
			const index = parameters.findIndex((p) => p.in === 'query' && p.name === key);
			if (index < 0) continue;
			const schema = parameters[index].schema as { type?: string; items?: unknown } | undefined;
			const typed =
				schema?.type === 'array'
					? values.map((value) => coerceQueryValue(value, schema.items))
					: coerceQueryValue(values[values.length - 1], schema);
			for (const message of this.errors('request', `${base}/parameters/${index}/schema`, typed))
				found.push(violation('request', `query "${key}"${message}`));
		}
		const jsonBody = operation.requestBody?.content?.['application/json'];
		if (exchange.contentType.startsWith('application/json') && exchange.body !== undefined) {
			if (!jsonBody) found.push(violation('request', 'a JSON body where the spec has none'));
			else
				for (const message of this.errors(
					'request',
					`${base}/requestBody/content/application~1json/schema`,
					exchange.body,
				))
					found.push(violation('request', `body${message}`));
		} else if (jsonBody && exchange.contentType === '' && (operation.requestBody as Json)?.required)
			found.push(violation('request', 'the JSON body is missing'));

		// Response: the schema of its status (or the spec's default), each streamed event on its own.
		const responses = operation.responses ?? {};
		const statusKey = String(exchange.status) in responses ? String(exchange.status) : 'default';
		const response = responses[statusKey] ? this.resolve(responses[statusKey]) : undefined;
		if (!response) {
			found.push(violation('response', `status ${exchange.status} is not in the spec`));
			return found;
		}
		const responseRef = (responses[statusKey] as { $ref?: string }).$ref
			? `${(responses[statusKey] as { $ref: string }).$ref.replace(/^#/, '')}/content/application~1json/schema`
			: `${base}/responses/${statusKey}/content/application~1json/schema`;
		if (exchange.events) {
			const { streamed } = streamBranches(operation);
			for (const [index, event] of exchange.events.entries()) {
				if (!streamed) {
					found.push(violation('response', 'a stream where the spec has none'));
					break;
				}
				for (const message of this.errors('response', streamed, { ...(event.data as Json) }))
					found.push(violation('response', `event ${index} (${event.event})${message}`));
				if ((event.data as Json)?.type !== event.event)
					found.push(
						violation('response', `event ${index}: SSE event name ${event.event} is not its type`),
					);
			}
		} else if (response.content?.['application/json']) {
			const schemaRef =
				exchange.status === 200 && operation['x-fern-streaming']
					? (streamBranches(operation).whole ?? responseRef)
					: responseRef;
			for (const message of this.errors('response', schemaRef, exchange.response))
				found.push(violation('response', `body${message}`));
		}
		return found;
	}
}

/**
 * The spec with `unevaluatedProperties: false` on every object schema that lists its properties, so that a
 * property it does not list is an error (the emulator must answer only what Cohere documents). Schemas used
 * as parts of an `allOf` are left open (their siblings add the other properties); their `allOf` parent is
 * closed instead, which sees what every part evaluated.
 */
function withoutUnlistedProperties(spec: Json): Json {
	const schemas = (spec.components as Json).schemas as Record<string, Json>;
	const parts = new Set<string>();
	const findParts = (node: unknown) => {
		if (Array.isArray(node)) return node.forEach(findParts);
		if (!node || typeof node !== 'object') return;
		// Parts: what an allOf combines, and the branches a discriminator picks (see withDiscriminators),
		// which leave the discriminating property to their parent.
		for (const part of ((node as Json).allOf as
			| Array<{ $ref?: string; then?: { $ref?: string } }>
			| undefined) ?? []) {
			const ref = part.$ref ?? part.then?.$ref;
			if (ref?.startsWith('#/components/schemas/')) parts.add(ref.split('/').pop()!);
		}
		Object.values(node as Json).forEach(findParts);
	};
	findParts(spec);
	const close = (node: unknown, isPart: boolean): unknown => {
		if (Array.isArray(node)) return node.map((item) => close(item, false));
		if (!node || typeof node !== 'object') return node;
		const object = Object.fromEntries(
			Object.entries(node as Json).map(([key, value]) => [
				key,
				key === 'allOf' && Array.isArray(value)
					? value.map((item) => close(item, true))
					: // A condition is not a shape: closing it would make it false for every real object.
						close(value, key === 'if' || key === 'not'),
			]),
		) as Json;
		const listsProperties = object.properties !== undefined || object.allOf !== undefined;
		if (
			listsProperties &&
			!isPart &&
			object.additionalProperties === undefined &&
			object.unevaluatedProperties === undefined &&
			object.type !== 'array'
		)
			object.unevaluatedProperties = false;
		return object;
	};
	const closed = close(spec, false) as Json;
	const closedSchemas = (closed.components as Json).schemas as Record<string, Json>;
	for (const name of parts) closedSchemas[name] = close(schemas[name], true) as Json;
	return closed;
}

/**
 * OpenAPI's `discriminator` picks the `oneOf` branch by a property's value; plain JSON Schema does not know
 * it, and branches that differ only by that value (`{type: "text"}`, `{type: "json_object"}` over one enum)
 * then match twice and fail `oneOf`. Each discriminated `oneOf` becomes "the property is one of the mapped
 * values, and the branch mapped to the value holds": what the discriminator means.
 */
function withDiscriminators<T>(node: T): T {
	if (Array.isArray(node)) return node.map(withDiscriminators) as T;
	if (!node || typeof node !== 'object') return node;
	const object = Object.fromEntries(
		Object.entries(node as Json).map(([key, value]) => [key, withDiscriminators(value)]),
	) as Json;
	const discriminator = object.discriminator as
		| { propertyName: string; mapping?: Record<string, string> }
		| undefined;
	if (!discriminator?.mapping || !(object.oneOf || object.anyOf)) return object as T;
	const { propertyName, mapping } = discriminator;
	delete object.oneOf;
	delete object.anyOf;
	delete object.discriminator;
	object.required = [...new Set([...((object.required as string[]) ?? []), propertyName])];
	object.properties = {
		...((object.properties as Json) ?? {}),
		[propertyName]: { enum: Object.keys(mapping) },
	};
	object.allOf = [
		...((object.allOf as unknown[]) ?? []),
		...Object.entries(mapping).map(([value, ref]) => ({
			if: { properties: { [propertyName]: { const: value } }, required: [propertyName] },
			then: { $ref: ref },
		})),
	];
	return object as T;
}

/**
 * The two branches of a 200 that can be a stream (`oneOf` [ChatResponseV2, StreamedChatResponseV2]): the
 * schema of one streamed event, and of the answer when it is not streamed.
 */
function streamBranches(operation: Operation): { streamed?: string; whole?: string } {
	const content = (operation.responses?.['200'] as Json | undefined)?.content as Json | undefined;
	const oneOf = ((content?.['application/json'] as Json | undefined)?.schema as Json | undefined)
		?.oneOf as Array<{ $ref?: string }> | undefined;
	const refs = (oneOf ?? []).map((branch) => branch.$ref).filter((ref): ref is string => !!ref);
	return {
		streamed: refs.find((ref) => /\/Streamed/.test(ref))?.replace(/^#/, ''),
		whole: refs.find((ref) => !/\/Streamed/.test(ref))?.replace(/^#/, ''),
	};
}

/** Query strings are text: "5" is the number 5 and "true" the boolean where the schema says so. */
function coerceQueryValue(value: string, schema: unknown): unknown {
	const type = (schema as { type?: string } | undefined)?.type;
	if (
		(type === 'integer' || type === 'number') &&
		value.trim() !== '' &&
		!Number.isNaN(Number(value))
	)
		return Number(value);
	if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true';
	return value;
}

function describeError(error: ErrorObject): string {
	const at = error.instancePath || '';
	if (error.keyword === 'additionalProperties')
		return `${at} has "${(error.params as { additionalProperty: string }).additionalProperty}", which the spec does not list`;
	if (error.keyword === 'unevaluatedProperties')
		return `${at} has "${(error.params as { unevaluatedProperty: string }).unevaluatedProperty}", which the spec does not list`;
	if (error.keyword === 'enum')
		return `${at} must be one of ${JSON.stringify((error.params as { allowedValues: unknown[] }).allowedValues)}`;
	return `${at} ${error.message ?? error.keyword}`;
}
