/* Tool input schemas as JSON Schema when n8n's SDK hands them back unconverted (SDKs before 0.2x with a
 * tool made by another zod copy, as n8n 2.20 and 2.30 do with the Calculator): zod 3 and zod 4 read from
 * their definitions. */
import { z } from 'zod';
import { z as z4 } from 'zod/v4';

import { isZodSchema, zodToJsonSchema } from '../../nodes/CohereChatModel/helpers/toolSchema';

enum Unit {
	Celsius = 'celsius',
	Kelvin = 'kelvin',
}

describe('zodToJsonSchema', () => {
	test("LangChain's Tool schema (the Calculator's): an optional input, through its transform", () => {
		const schema = z.object({ input: z.string().optional() }).transform((o) => o.input);
		expect(zodToJsonSchema(schema as never)).toEqual({
			type: 'object',
			properties: { input: { type: 'string' } },
		});
	});

	test('zod 3: every kind a tool input uses, with descriptions, required and defaults', () => {
		const schema = z.object({
			city: z.string().describe('The city'),
			days: z.number().int(),
			temperature: z.number(),
			metric: z.boolean().default(true),
			tags: z.array(z.string()),
			mode: z.enum(['fast', 'slow']),
			unit: z.nativeEnum(Unit),
			note: z.string().nullable(),
			extra: z.record(z.number()).optional(),
			id: z.union([z.string(), z.number()]),
			kind: z.literal('weather'),
			when: z.date(),
		});
		expect(zodToJsonSchema(schema as never)).toEqual({
			type: 'object',
			properties: {
				city: { type: 'string', description: 'The city' },
				days: { type: 'integer' },
				temperature: { type: 'number' },
				metric: { type: 'boolean', default: true },
				tags: { type: 'array', items: { type: 'string' } },
				mode: { type: 'string', enum: ['fast', 'slow'] },
				unit: { enum: ['celsius', 'kelvin'] },
				note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
				extra: { type: 'object', additionalProperties: { type: 'number' } },
				id: { anyOf: [{ type: 'string' }, { type: 'number' }] },
				kind: { enum: ['weather'] },
				when: { type: 'string', format: 'date-time' },
			},
			required: [
				'city',
				'days',
				'temperature',
				'tags',
				'mode',
				'unit',
				'note',
				'id',
				'kind',
				'when',
			],
		});
	});

	test('zod 4: the same kinds from their definitions', () => {
		const schema = z4.object({
			city: z4.string().describe('The city'),
			days: z4.number().int(),
			metric: z4.boolean().default(false),
			tags: z4.array(z4.string()),
			mode: z4.enum(['fast', 'slow']),
			note: z4.string().nullable().optional(),
			extra: z4.record(z4.string(), z4.number()),
			id: z4.union([z4.string(), z4.number()]),
			kind: z4.literal('weather'),
		});
		expect(isZodSchema(schema)).toBe(true);
		expect(zodToJsonSchema(schema as never)).toEqual({
			type: 'object',
			properties: {
				city: { type: 'string', description: 'The city' },
				days: { type: 'integer' },
				metric: { type: 'boolean', default: false },
				tags: { type: 'array', items: { type: 'string' } },
				mode: { type: 'string', enum: ['fast', 'slow'] },
				note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
				extra: { type: 'object', additionalProperties: { type: 'number' } },
				id: { anyOf: [{ type: 'string' }, { type: 'number' }] },
				kind: { enum: ['weather'] },
			},
			required: ['city', 'days', 'tags', 'mode', 'extra', 'id', 'kind'],
		});
	});

	test('a JSON Schema is not taken for a zod schema; an unknown kind is any value', () => {
		expect(isZodSchema({ type: 'object', properties: {} })).toBe(false);
		expect(isZodSchema(null)).toBe(false);
		expect(zodToJsonSchema({ _def: { typeName: 'ZodSomethingNew' } })).toEqual({});
	});
});
