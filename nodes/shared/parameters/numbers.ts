import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	ISupplyDataFunctions,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/**
 * The one place where number parameters are checked at run time. The allowed range is the one the field
 * declares for the editor (`typeOptions.minValue` / `maxValue`; a whole number unless it has a
 * `numberPrecision`), so the editor and the run agree. An expression can give anything (NaN, -1, 1e9, a
 * string, an object): such a value is refused naming the field and the item, never sent or used.
 */
export interface NumberRange {
	min?: number;
	max?: number;
	integer: boolean;
}

export function rangeOf(property: INodeProperties): NumberRange {
	const typeOptions = property.typeOptions ?? {};
	return {
		min: typeof typeOptions.minValue === 'number' ? typeOptions.minValue : undefined,
		max: typeof typeOptions.maxValue === 'number' ? typeOptions.maxValue : undefined,
		integer: !typeOptions.numberPrecision,
	};
}

export function describeRange({ min, max, integer }: NumberRange): string {
	const kind = integer ? 'a whole number' : 'a number';
	if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
	if (min !== undefined) return `${kind} of at least ${min}`;
	if (max !== undefined) return `${kind} of at most ${max}`;
	return kind;
}

function shown(value: unknown): string {
	if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
	if (typeof value === 'number') return String(value);
	try {
		const text = JSON.stringify(value) ?? String(value);
		return text.length > 40 ? `${text.slice(0, 40)}…` : text;
	} catch {
		return typeof value;
	}
}

/** A number field's value, or an error naming the field, its allowed range and the item. */
export function checkNumber(
	this: Pick<IExecuteFunctions, 'getNode'>,
	property: INodeProperties,
	value: unknown,
	itemIndex: number,
): number {
	// Expressions sometimes give numbers as text ("5"); that is accepted, anything else is not.
	const number =
		typeof value === 'number'
			? value
			: typeof value === 'string' && value.trim() !== ''
				? Number(value)
				: Number.NaN;
	const range = rangeOf(property);
	const valid =
		Number.isFinite(number) &&
		(!range.integer || Number.isInteger(number)) &&
		(range.min === undefined || number >= range.min) &&
		(range.max === undefined || number <= range.max);
	if (!valid) {
		throw new NodeOperationError(
			this.getNode(),
			`The parameter "${property.displayName}" must be ${describeRange(range)}, not ${shown(value)} (item ${itemIndex})`,
			{
				itemIndex,
				description: `Set "${property.displayName}" to ${describeRange(range)}. When it comes from an expression, check what the expression gives for this item.`,
			},
		);
	}
	return number;
}

/**
 * Checks the number fields of a collection ("Options") against the fields that `properties` declares;
 * keys that are not number fields are passed through untouched.
 */
export function checkNumberFields(
	this: Pick<IExecuteFunctions, 'getNode'>,
	properties: INodeProperties[],
	values: IDataObject,
	itemIndex: number,
): IDataObject {
	const checked: IDataObject = { ...values };
	for (const property of properties) {
		if (property.type !== 'number' || values[property.name] === undefined) continue;
		checked[property.name] = checkNumber.call(this, property, values[property.name], itemIndex);
	}
	return checked;
}

/** A node's "Options" collection for one item, its number fields checked against their declared ranges. */
export function getOptions(
	this: IExecuteFunctions | ISupplyDataFunctions,
	itemIndex: number,
	optionsProperty: INodeProperties | INodeProperties[],
): IDataObject {
	const values = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const properties = Array.isArray(optionsProperty)
		? optionsProperty
		: ((optionsProperty.options ?? []) as INodeProperties[]);
	return checkNumberFields.call(this, properties, values ?? {}, itemIndex);
}

/** A top-level number parameter for one item, checked against its declared range. */
export function getNumberParameter(
	this: IExecuteFunctions | ISupplyDataFunctions,
	property: INodeProperties,
	itemIndex: number,
): number {
	return checkNumber.call(
		this,
		property,
		this.getNodeParameter(property.name, itemIndex, property.default),
		itemIndex,
	);
}
