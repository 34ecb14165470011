/**
 * A stored shape declared once. Each builder returns a plain JSON Schema
 * (draft-07) node, so the declaration *is* the schema the docs publish
 * (`toJsonSchema`, written by scripts/shapes.mjs), and it carries its
 * TypeScript type as a phantom (`Static<typeof X>`), so the type is read off
 * the same declaration. The run-time reader (`shapeProblem`, src/shape/read.ts)
 * interprets the same nodes: no code is generated at run time (MV3's CSP
 * forbids `new Function`), and no library is bundled.
 *
 * Only what the declarations need is offered: strings, numbers, booleans,
 * constants, enums, lists, objects, string-keyed records, alternatives (`null`
 * among them) and `$ref`s to named definitions (for recursion), with the
 * bounds JSON Schema gives them. Objects are closed (`additionalProperties:
 * false`) unless declared `open`. Every keyword a builder writes, the reader
 * checks (`default` and the texts excepted); src/shape/shape.test.ts holds
 * the reader to ajv on random values.
 */

declare const TYPE: unique symbol;

/** The JSON Schema keywords the builders write and the reader understands. */
export interface SchemaNode {
  title?: string;
  description?: string;
  type?: JsonType | JsonType[];
  const?: Scalar;
  enum?: readonly Scalar[];
  default?: Scalar;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  additionalProperties?: boolean | SchemaNode;
  /** A field present requires these others (`username` needs `credential`). */
  dependencies?: Record<string, string[]>;
  anyOf?: SchemaNode[];
  $ref?: string;
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';
export type Scalar = string | number | boolean | null;

/** A schema node that also names the TypeScript type of the values it accepts. */
export type Shape<T> = SchemaNode & { readonly [TYPE]?: T };

/** The TypeScript type a shape accepts. */
export type Static<S> = S extends Shape<infer T> ? T : never;

/** Keywords a caller may add to any node: `title` is what Chrome's policy page shows for a policy key. */
export interface Doc {
  title?: string;
  description?: string;
}

/** The options given, without those left undefined. */
function keywords(options: object | undefined): SchemaNode {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined)) as SchemaNode;
}
const doc = (options: Doc | undefined): SchemaNode => keywords(options);

/**
 * A string; `pattern`, `minLength` (in code points) as JSON Schema has them.
 * `T` narrows the type where the schema cannot list the values, e.g. a message
 * key (`text<MessageKey>`): a claim the reader does not check, named where it is made.
 */
export function text<T extends string = string>(options?: Doc & { pattern?: string; minLength?: number; maxLength?: number }): Shape<T> {
  return { type: 'string', ...keywords(options) };
}

/** A finite number (JSON has no other), optionally bounded. */
export function number(options?: Doc & { minimum?: number; maximum?: number }): Shape<number> {
  return { type: 'number', ...keywords(options) };
}

/** A whole number, optionally bounded. */
export function integer(options?: Doc & { minimum?: number; maximum?: number }): Shape<number> {
  return { type: 'integer', ...keywords(options) };
}

/** `default`: what the reader takes when the field is absent (documentation: the reader applies it, the schema does not). */
export function boolean(options?: Doc & { default?: boolean }): Shape<boolean> {
  return { type: 'boolean', ...keywords(options) };
}

/** Exactly this value. */
export function constant<const T extends Scalar>(value: T, options?: Doc): Shape<T> {
  return { const: value, ...doc(options) };
}

/** One of these values (a closed union: a value this version does not know is refused). */
export function oneOf<const T extends readonly Scalar[]>(values: T, options?: Doc): Shape<T[number]> {
  return { enum: values, ...doc(options) };
}

/** The shape, or `null`. Written as JSON Schema's compact forms where they exist (`type: [t, "null"]` for a string or number, an enum with `null`). */
export function nullable<T>(shape: Shape<T>, options?: Doc): Shape<T | null> {
  const { description, ...rest } = shape;
  const keys = Object.keys(rest);
  const described = options?.description ?? description;
  const d = described === undefined ? {} : { description: described };
  if (typeof rest.type === 'string' && rest.type !== 'object' && rest.type !== 'array') return { ...rest, type: [rest.type, 'null'], ...d };
  if (rest.enum && keys.length === 1) return { enum: [...rest.enum, null], ...d };
  return { anyOf: [rest, { type: 'null' }], ...d };
}

/** A list of items of one shape, optionally with bounds on its length. */
export function list<T>(item: Shape<T>, options?: Doc & { minItems?: number; maxItems?: number }): Shape<T[]> {
  return { type: 'array', ...keywords(options), items: item };
}

/** An object whose keys are anything and whose values share one shape. */
export function record<T>(value: Shape<T>, options?: Doc): Shape<Record<string, T>> {
  return { type: 'object', additionalProperties: value, ...doc(options) };
}

/** A field that may be absent (`field?: T`). */
export interface Optional<T> {
  readonly optional: Shape<T>;
}

/** Marks an object field as optional: absent, or of this shape. */
export function optional<T>(shape: Shape<T>): Optional<T> {
  return { optional: shape };
}

type Fields = Record<string, Shape<unknown> | Optional<unknown>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
type FieldsStatic<F extends Fields> = Simplify<
  { [K in keyof F as F[K] extends Optional<unknown> ? never : K]: Static<F[K]> } & {
    [K in keyof F as F[K] extends Optional<unknown> ? K : never]?: F[K] extends Optional<infer T> ? T : never;
  }
>;

/**
 * A closed object: these fields (optional ones marked with `optional`), and
 * no others. `open`: other fields are let through, as Chrome's policy schemas
 * write objects (Chrome strips unknown nested keys itself).
 */
export function object<F extends Fields>(
  fields: F,
  options?: Doc & { open?: boolean; dependencies?: Partial<Record<keyof F & string, (keyof F & string)[]>> },
): Shape<FieldsStatic<F>> {
  const properties: Record<string, SchemaNode> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(fields)) {
    if ('optional' in field && isOptional(field)) properties[key] = field.optional;
    else {
      properties[key] = field as SchemaNode;
      required.push(key);
    }
  }
  const { open, dependencies, ...rest } = options ?? {};
  return {
    type: 'object',
    ...(open ? {} : { additionalProperties: false }),
    ...(required.length > 0 ? { required } : {}),
    ...(dependencies ? { dependencies: dependencies as Record<string, string[]> } : {}),
    properties,
    ...doc(rest),
  };
}

function isOptional(field: SchemaNode | Optional<unknown>): field is Optional<unknown> {
  return typeof (field as Optional<unknown>).optional === 'object';
}

/**
 * A named definition, written once under `definitions` and pointed at with
 * `$ref` wherever it is used (and how a shape refers to itself). Its type is
 * given, since TypeScript cannot infer a type that contains itself.
 */
export function ref<T>(name: string, options?: Doc): Shape<T> {
  return { $ref: `#/definitions/${name}`, ...doc(options) };
}

/** Any of these shapes (JSON Schema `anyOf`). */
export function union<T extends readonly Shape<unknown>[]>(shapes: T, options?: Doc): Shape<Static<T[number]>> {
  return { anyOf: [...shapes], ...doc(options) };
}

/**
 * The members of a union type, listed as a record so that the compiler holds
 * the list to the type: a member added to the type and not here (or listed
 * here and not in the type) fails `npm run typecheck`.
 */
export function members<T extends string>(all: Record<T, true>): T[] {
  return Object.keys(all) as T[];
}
