/**
 * A declared shape as the JSON Schema document the docs publish, and as the
 * compact copy the run-time reader loads (the same nodes without their
 * descriptions). scripts/shapes.mjs writes both; a unit test fails when a
 * checked-in copy is stale.
 */
import type { SchemaNode } from './shape';
import type { Definitions } from './read';

/** A declared document: its root node, the definitions its `$ref`s name, and the header of the published schema (none: the root alone, as Chrome's policy schema is written). */
export interface DeclaredSchema {
  header?: { $id: string; title: string; description: string };
  root: SchemaNode;
  definitions: Definitions;
}

/** The published JSON Schema (draft-07): header, the root's keywords, then `definitions`. Throws on a `$ref` to nothing or an unused definition. */
export function toJsonSchema(declared: DeclaredSchema): Record<string, unknown> {
  checkReferences(declared);
  const { description: _, ...root } = declared.root;
  const definitions = Object.keys(declared.definitions).length > 0 ? { definitions: declared.definitions } : {};
  if (!declared.header) return { ...root, ...definitions };
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...declared.header, ...root, ...definitions };
}

/** The same schema with every `description` left out: what the reader needs, a third of the bytes. */
export function withoutDocs<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutDocs) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'description' && key !== 'title' && key !== '$id' && key !== '$schema')
      .map(([key, v]) => [key, key === 'properties' || key === 'definitions' ? mapValues(v as Record<string, unknown>) : withoutDocs(v)]),
  ) as T;
}

/** Under `properties` and `definitions` the keys are names, not keywords: a field called `description` stays. */
function mapValues(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).map(([name, v]) => [name, withoutDocs(v)]));
}

function checkReferences({ root, definitions }: DeclaredSchema): void {
  const used = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = value.replace('#/definitions/', '');
        if (!Object.hasOwn(definitions, name)) throw new Error(`shape: ${value} names no definition`);
        if (!used.has(name)) {
          used.add(name);
          walk(definitions[name]);
        }
      } else walk(value);
    }
  };
  walk(root);
  const unused = Object.keys(definitions).filter((name) => !used.has(name));
  if (unused.length > 0) throw new Error(`shape: definitions never used: ${unused.join(', ')}`);
}
