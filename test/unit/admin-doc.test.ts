import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../../src/policy/parse';

/**
 * Every policy example in docs/admin.md is one an admin may paste: it must
 * pass Chrome's schema check (or Chrome drops the key) and the extension's
 * own, with no problem.
 */
const ID = 'ajfamljhdelhckpncckgbjipkmmknief';
const doc = readFileSync(resolve(import.meta.dirname, '../../docs/admin.md'), 'utf8');
const blocks = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/managed-schema.json'), 'utf8')) as SchemaNode;

interface SchemaNode {
  type: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: SchemaNode;
  items?: SchemaNode;
}

/** Chrome's reading of the schema: one type per node; a mismatch anywhere drops the policy. */
function mismatches(value: unknown, node: SchemaNode, path: string): string[] {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const ok =
    node.type === 'integer'
      ? Number.isInteger(value)
      : node.type === 'array'
        ? Array.isArray(value)
        : node.type === 'object'
          ? isObject
          : typeof value === node.type;
  if (!ok) return [`${path}: not ${node.type}`];
  if (Array.isArray(value)) return value.flatMap((item, i) => mismatches(item, node.items!, `${path}[${i}]`));
  if (!isObject) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => {
    const childNode = node.properties?.[key] ?? node.additionalProperties;
    return childNode ? mismatches(child, childNode, `${path}.${key}`) : [];
  });
}

/** The extension's part of each example, whatever the format. */
function extensionPolicy(block: Record<string, unknown>): Record<string, unknown> | null {
  const firefox = (block.policies as Record<string, Record<string, Record<string, Record<string, unknown>>>> | undefined)?.['3rdparty']?.Extensions;
  if (firefox) return Object.values(firefox)[0]!;
  const thirdParty = (block['3rdparty'] as { extensions: Record<string, Record<string, unknown>> } | undefined)?.extensions;
  if (thirdParty) return Object.values(thirdParty)[0]!;
  if ('ExtensionSettings' in block) return null;
  // Admin console: every policy wrapped as {"Value": ...}.
  return Object.fromEntries(Object.entries(block).map(([key, wrapped]) => [key, (wrapped as { Value: unknown }).Value]));
}

describe('docs/admin.md policy examples', () => {
  const policies = blocks.map(extensionPolicy).filter((p): p is Record<string, unknown> => p !== null);

  it('has an example for each vendor profile and a custom one', () => {
    expect(policies.map((p) => p.profileId)).toEqual(expect.arrayContaining(['senso', 'onsight', 'remotespark', 'district-video']));
  });

  it.each(policies.map((p) => [p.profileId, p]))('%s passes Chrome’s schema check and the extension’s with no problem', (_id, policy) => {
    expect(mismatches(policy, schema, 'policy')).toEqual([]);
    expect(parsePolicy(policy).problems).toEqual([]);
  });

  it('names one extension id per example, the fixed one or (self-hosted release) the one a key gives, in both ExtensionSettings and 3rdparty', () => {
    const ids = new Set<string>();
    for (const block of blocks) {
      const settings = block.ExtensionSettings as Record<string, unknown> | undefined;
      const thirdParty = (block['3rdparty'] as { extensions: Record<string, unknown> } | undefined)?.extensions;
      if (settings) expect(Object.keys(settings)).toHaveLength(1);
      if (settings && thirdParty) expect(Object.keys(thirdParty)).toEqual(Object.keys(settings));
      for (const id of [...Object.keys(settings ?? {}), ...Object.keys(thirdParty ?? {})]) {
        expect(id).toMatch(/^[a-p]{32}$/);
        ids.add(id);
      }
    }
    expect(ids).toContain(ID);
    expect(ids.size).toBeLessThanOrEqual(2);
  });
});
