import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import manifest from '../../manifest.json' with { type: 'json' };
import { POLICY_KEYS } from './keys';

interface Node {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, Node>;
  additionalProperties?: Node;
  items?: Node;
}
const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/managed-schema.json'), 'utf8')) as Node;

/** Chrome's schema subset: one type per node, objects and arrays say what they hold. */
function chromeSubsetProblems(node: Node, path: string): string[] {
  const allowed = ['boolean', 'integer', 'number', 'string', 'array', 'object'];
  const own = allowed.includes(node.type ?? '') ? [] : [`${path}: type ${String(node.type)}`];
  const children = [
    ...Object.entries(node.properties ?? {}).map(([key, child]) => chromeSubsetProblems(child, `${path}.${key}`)),
    node.additionalProperties ? chromeSubsetProblems(node.additionalProperties, `${path}.*`) : [],
    node.items ? chromeSubsetProblems(node.items, `${path}[]`) : node.type === 'array' ? [`${path}: array without items`] : [],
  ];
  return [...own, ...children.flat()];
}

describe('storage.managed_schema', () => {
  it('is the file the manifest names', () => {
    expect(manifest.storage.managed_schema).toBe('managed-schema.json');
  });

  it('lists exactly the keys the parser reads, each with a title and a description', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema.properties ?? {}).sort()).toEqual([...POLICY_KEYS].sort());
    for (const [key, node] of Object.entries(schema.properties ?? {})) {
      expect(node.title, key).toMatch(/\S/);
      expect(node.description, key).toMatch(/\S/);
    }
  });

  it('stays within the JSON Schema subset Chrome accepts', () => {
    expect(chromeSubsetProblems(schema, '')).toEqual([]);
  });
});
