/**
 * The run-time reader of a declared shape (src/shape/shape.ts): it walks the
 * JSON Schema nodes the declaration is made of, so what it accepts is what the
 * published schema documents. It is an interpreter, not generated code (an
 * extension page's CSP forbids `new Function`), and it stops at the first
 * problem, naming its field as a JSON pointer and never quoting a value.
 *
 * It recurses as deep as the value: bound the depth before calling it
 * (src/report/limits.ts does for reports).
 */
import type { JsonType, SchemaNode } from './shape';

/** The named definitions `$ref`s point into (`#/definitions/<name>`). */
export type Definitions = Readonly<Record<string, SchemaNode>>;

/** The first problem of `value` against `schema`: where (`/checks/3/status`, '' for the whole value) and what, or null when it fits. */
export interface ShapeProblem {
  path: string;
  problem: string;
}

/** The first place where `value` does not fit `schema`, or null. */
export function shapeProblem(schema: SchemaNode, value: unknown, definitions: Definitions): ShapeProblem | null {
  return check(schema, value, definitions, '');
}

function check(node: SchemaNode, value: unknown, definitions: Definitions, path: string): ShapeProblem | null {
  if (node.$ref !== undefined) {
    const name = node.$ref.replace('#/definitions/', '');
    const target = Object.hasOwn(definitions, name) ? definitions[name] : undefined;
    if (!target) throw new Error(`shape: no definition ${node.$ref}`);
    return check(target, value, definitions, path);
  }
  if (node.anyOf) return anyOf(node.anyOf, value, definitions, path);
  if (node.const !== undefined && value !== node.const) return at(path, `is not ${JSON.stringify(node.const)}`);
  if (node.enum && !node.enum.includes(value as never)) return at(path, 'is not one of the values this version knows');
  if (node.type !== undefined) {
    const types = typeof node.type === 'string' ? [node.type] : node.type;
    if (!types.some((type) => isType(value, type))) return at(path, `is not ${types.map(article).join(' or ')}`);
  }
  if (typeof value === 'string') return stringProblem(node, value, path);
  if (typeof value === 'number') {
    if (node.minimum !== undefined && value < node.minimum) return at(path, `is below ${node.minimum}`);
    if (node.maximum !== undefined && value > node.maximum) return at(path, `is above ${node.maximum}`);
    return null;
  }
  if (Array.isArray(value)) {
    if (node.minItems !== undefined && value.length < node.minItems) return at(path, `has fewer than ${node.minItems} items`);
    if (node.maxItems !== undefined && value.length > node.maxItems) return at(path, `has more than ${node.maxItems} items`);
    // Every index, holes included (`every` would skip a hole, which renderers then read as undefined).
    if (node.items)
      for (let i = 0; i < value.length; i++) {
        const problem = check(node.items, value[i], definitions, `${path}/${i}`);
        if (problem) return problem;
      }
    return null;
  }
  if (typeof value === 'object' && value !== null) return objectProblem(node, value as Record<string, unknown>, definitions, path);
  return null;
}

/** Each pattern compiled once (a report has a phrase code pattern per phrase); `u` as JSON Schema (and ajv) read them. */
const PATTERNS = new Map<string, RegExp>();
function patternOf(source: string): RegExp {
  let pattern = PATTERNS.get(source);
  if (!pattern) PATTERNS.set(source, (pattern = new RegExp(source, 'u')));
  return pattern;
}

function stringProblem(node: SchemaNode, value: string, path: string): ShapeProblem | null {
  // minLength counts code points, as JSON Schema (and ajv) do.
  if (node.minLength !== undefined && Array.from(value).length < node.minLength) return at(path, `is shorter than ${node.minLength}`);
  if (node.maxLength !== undefined && Array.from(value).length > node.maxLength) return at(path, `is longer than ${node.maxLength}`);
  if (node.pattern !== undefined && !patternOf(node.pattern).test(value)) return at(path, 'does not match its pattern');
  return null;
}

function objectProblem(node: SchemaNode, value: Record<string, unknown>, definitions: Definitions, path: string): ShapeProblem | null {
  const properties = node.properties ?? {};
  const present = (key: string) => Object.hasOwn(value, key) && value[key] !== undefined;
  for (const key of node.required ?? []) if (!present(key)) return at(`${path}/${pointer(key)}`, 'is missing');
  for (const [key, needs] of Object.entries(node.dependencies ?? {}))
    for (const other of present(key) ? needs : []) if (!present(other)) return at(`${path}/${pointer(other)}`, `is missing (${key} needs it)`);
  for (const key of Object.keys(value)) {
    const field = Object.hasOwn(properties, key) ? properties[key] : undefined;
    const where = `${path}/${pointer(key)}`;
    if (!field && node.additionalProperties === false) return at(where, 'is not a field of this version');
    const shape = field ?? (typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    // An absent optional field may be written as `undefined` by code that builds the object.
    const problem = shape && value[key] !== undefined ? check(shape, value[key], definitions, where) : null;
    if (problem) return problem;
  }
  return null;
}

/** The first alternative that fits; else the problem of the first alternative of the value's own JSON type (the most telling one). */
function anyOf(alternatives: SchemaNode[], value: unknown, definitions: Definitions, path: string): ShapeProblem | null {
  const problems: ShapeProblem[] = [];
  for (const alternative of alternatives) {
    const problem = check(alternative, value, definitions, path);
    if (problem === null) return null;
    problems.push(problem);
  }
  const sameType = problems.find((p) => p.path !== path || !p.problem.startsWith('is not '));
  return sameType ?? at(path, 'is none of the shapes allowed here');
}

function isType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
  }
}

function article(type: JsonType): string {
  return type === 'null' ? 'null' : /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** RFC 6901: `~` and `/` in a key escaped. */
function pointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}

function at(path: string, problem: string): ShapeProblem {
  return { path, problem };
}
