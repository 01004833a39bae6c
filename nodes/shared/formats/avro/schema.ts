/**
 * Decoding Avro values by the writer's schema into plain JSON values: `long` as a number, `bytes` and
 * `fixed` as base64 text, enums as their symbol, unions as the chosen branch's value.
 */
import type { IDataObject } from 'n8n-workflow';

import { AvroError, type Decoder } from './decoder';

export type AvroSchema = string | AvroSchema[] | { [key: string]: unknown; type: AvroSchema };

function base64(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary);
}

/** Decodes values by a schema; named types (records, enums, fixed) can be referred to by name. */
export class SchemaReader {
	private readonly named = new Map<string, AvroSchema>();

	constructor(private readonly schema: AvroSchema) {
		this.register(schema, '');
	}

	private register(schema: AvroSchema, namespace: string) {
		if (Array.isArray(schema)) {
			for (const branch of schema) this.register(branch, namespace);
			return;
		}
		if (typeof schema !== 'object' || schema === null) return;
		const space = typeof schema.namespace === 'string' ? schema.namespace : namespace;
		if (
			typeof schema.name === 'string' &&
			['record', 'error', 'enum', 'fixed'].includes(String(schema.type))
		) {
			const name = schema.name;
			this.named.set(name.includes('.') || !space ? name : `${space}.${name}`, schema);
			this.named.set(name.split('.').pop()!, schema);
		}
		if (Array.isArray(schema.fields))
			for (const field of schema.fields as Array<{ type: AvroSchema }>)
				this.register(field.type, space);
		if (schema.items !== undefined) this.register(schema.items as AvroSchema, space);
		if (schema.values !== undefined) this.register(schema.values as AvroSchema, space);
		if (typeof schema.type === 'object') this.register(schema.type, space);
	}

	read(decoder: Decoder): unknown {
		return this.value(decoder, this.schema, 0);
	}

	private value(decoder: Decoder, schema: AvroSchema, depth: number): unknown {
		if (depth > 64) throw new AvroError('the schema nests deeper than 64 levels');
		if (Array.isArray(schema)) {
			const index = decoder.long();
			if (index < 0 || index >= schema.length)
				throw new AvroError(`a union branch ${index} does not exist`);
			return this.value(decoder, schema[index], depth + 1);
		}
		if (typeof schema === 'string') return this.primitive(decoder, schema, depth);
		const type = schema.type;
		if (typeof type !== 'string') return this.value(decoder, type, depth + 1);
		switch (type) {
			case 'record':
			case 'error': {
				const record: IDataObject = {};
				for (const field of (schema.fields as Array<{ name: string; type: AvroSchema }>) ?? [])
					record[field.name] = this.value(decoder, field.type, depth + 1) as IDataObject;
				return record;
			}
			case 'enum': {
				const symbols = schema.symbols as string[];
				const index = decoder.long();
				if (index < 0 || index >= symbols.length)
					throw new AvroError(`an enum symbol ${index} does not exist`);
				return symbols[index];
			}
			case 'array': {
				const items: unknown[] = [];
				decoder.blocks(() =>
					items.push(this.value(decoder, schema.items as AvroSchema, depth + 1)),
				);
				return items;
			}
			case 'map': {
				const map: IDataObject = {};
				decoder.blocks(() => {
					const key = decoder.string();
					map[key] = this.value(decoder, schema.values as AvroSchema, depth + 1) as IDataObject;
				});
				return map;
			}
			case 'fixed':
				return base64(decoder.fixed(Number(schema.size)));
			default:
				return this.primitive(decoder, type, depth);
		}
	}

	private primitive(decoder: Decoder, type: string, depth: number): unknown {
		switch (type) {
			case 'null':
				return null;
			case 'boolean':
				return decoder.boolean();
			case 'int':
			case 'long':
				return decoder.long();
			case 'float':
				return decoder.float();
			case 'double':
				return decoder.double();
			case 'bytes':
				return base64(decoder.bytesValue());
			case 'string':
				return decoder.string();
			default: {
				const named = this.named.get(type);
				if (!named) throw new AvroError(`the schema names an unknown type "${type}"`);
				return this.value(decoder, named, depth + 1);
			}
		}
	}
}
