import type { IDataObject } from 'n8n-workflow';

/**
 * A zod schema as JSON Schema, read from zod's own definition (zod 3's `_def`, zod 4's `_zod.def`), for the
 * SDKs (up to at least 0.20.3, n8n 2.30) that convert only schemas made with their own zod copy: the schemas
 * of n8n's tools come from LangChain's copy and would otherwise reach Cohere as tools without parameters.
 * It covers what tool inputs use; anything else becomes `{}` (any value), never an error.
 */
type ZodLike = {
	_def?: ZodDef;
	_zod?: { def?: ZodDef };
	description?: string;
	toJSONSchema?: () => IDataObject;
};
type ZodDef = Record<string, unknown> & { typeName?: string; type?: string; description?: string };

export function isZodSchema(value: unknown): value is ZodLike {
	return (
		typeof value === 'object' &&
		value !== null &&
		(('_def' in value && typeof value._def === 'object') ||
			('_zod' in value && typeof value._zod === 'object'))
	);
}

/** Whether a property of an object schema may be left out. */
function isOptional(schema: ZodLike): boolean {
	const kind = kindOf(schema);
	return ['optional', 'default', 'catch'].includes(kind);
}

/** zod 3 names kinds `ZodString`, zod 4 `string`: one name for both. */
function kindOf(schema: ZodLike): string {
	const def = definition(schema);
	const name = def.typeName ?? def.type ?? '';
	return name.replace(/^Zod/, '').toLowerCase();
}

function definition(schema: ZodLike): ZodDef {
	return schema._zod?.def ?? schema._def ?? {};
}

export function zodToJsonSchema(schema: ZodLike, depth = 0): IDataObject {
	if (depth > 32) return {};
	const def = definition(schema);
	const inner = (value: unknown) =>
		isZodSchema(value) ? zodToJsonSchema(value, depth + 1) : ({} as IDataObject);
	const json = ((): IDataObject => {
		switch (kindOf(schema)) {
			case 'string':
				return { type: 'string' };
			case 'number': {
				const checks = (def.checks as Array<{ kind?: string; isInt?: boolean }> | undefined) ?? [];
				const integer = checks.some((check) => check.kind === 'int' || check.isInt);
				return { type: integer ? 'integer' : 'number' };
			}
			case 'int':
			case 'bigint':
				return { type: 'integer' };
			case 'boolean':
				return { type: 'boolean' };
			case 'date':
				return { type: 'string', format: 'date-time' };
			case 'null':
				return { type: 'null' };
			case 'array':
				return { type: 'array', items: inner(def.element ?? def.type) };
			case 'object': {
				const rawShape = def.shape;
				const shape = (typeof rawShape === 'function' ? rawShape() : rawShape) as
					| Record<string, ZodLike>
					| undefined;
				const properties: IDataObject = {};
				const required: string[] = [];
				for (const [key, value] of Object.entries(shape ?? {})) {
					properties[key] = inner(value);
					if (isZodSchema(value) && !isOptional(value)) required.push(key);
				}
				return { type: 'object', properties, ...(required.length ? { required } : {}) };
			}
			case 'record':
				return { type: 'object', additionalProperties: inner(def.valueType) };
			case 'enum': {
				const values = def.values ?? Object.values((def.entries as object | undefined) ?? {});
				return { type: 'string', enum: values as string[] };
			}
			case 'nativeenum': {
				// A TypeScript enum object; numeric members also map their number back to their name.
				const members = Object.entries((def.values as object | undefined) ?? {});
				return {
					enum: members.filter(([key]) => Number.isNaN(Number(key))).map(([, value]) => value),
				};
			}
			case 'literal': {
				const values = (def.values as unknown[] | undefined) ?? [def.value];
				return { enum: values as string[] };
			}
			case 'union':
			case 'discriminatedunion': {
				const options = (def.options as unknown[] | undefined) ?? [];
				return { anyOf: options.map(inner) };
			}
			case 'nullable':
				return { anyOf: [inner(def.innerType), { type: 'null' }] };
			case 'optional':
			case 'readonly':
			case 'catch':
				return inner(def.innerType);
			case 'default': {
				const fallback = def.defaultValue;
				return {
					...inner(def.innerType),
					default: (typeof fallback === 'function' ? fallback() : fallback) as IDataObject,
				};
			}
			case 'effects':
				return inner(def.schema);
			case 'pipeline':
			case 'pipe':
				return inner(def.in);
			case 'branded':
				return inner(def.type);
			case 'lazy':
				return inner(typeof def.getter === 'function' ? def.getter() : undefined);
			default:
				return {};
		}
	})();
	const description = def.description ?? schema.description;
	return typeof description === 'string' && description ? { ...json, description } : json;
}
