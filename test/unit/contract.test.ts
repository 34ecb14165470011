import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readRequest, REQUEST_TYPES } from '../../src/contract/requests';
import { readStorageValue, STORAGE_SCHEMA } from '../../src/contract/storage';
import { RETIRED_LOCAL_KEYS, STORAGE_KEYS } from '../../src/contract/storage-keys';
import type { RequestHandlers } from '../../background/request-handlers';

describe('the request contract', () => {
  it('knows every type of the protocol and refuses anything else with bad-request', () => {
    for (const type of REQUEST_TYPES) expect(readRequest({ type })).toMatchObject({ type });
    expect(readRequest({ type: 'gather' })).toMatchObject({ error: { code: 'bad-request' } });
    expect(readRequest({ type: 'getLastGather' })).toMatchObject({ error: { code: 'bad-request' } });
    expect(readRequest({ type: 'toString' })).toMatchObject({ error: { code: 'bad-request' } });
    expect(readRequest([])).toMatchObject({ error: { code: 'bad-request', message: expect.stringContaining('a list') } });
  });

  it('does not compile a handler map that misses a type (checked by npm run typecheck)', () => {
    const only = async () => null;
    // @ts-expect-error -- every request type needs a handler; this map answers one.
    const partial: RequestHandlers = { getLastReport: only };
    expect(Object.keys(partial)).toEqual(['getLastReport']);
    // @ts-expect-error -- a reply of the wrong shape (a number for a report list) does not compile either.
    const wrong: Pick<RequestHandlers, 'listHistory'> = { listHistory: async () => 7 };
    expect(wrong).toBeDefined();
  });
});

describe('docs/automation.md', () => {
  it('documents every request type of the protocol, and no other', () => {
    const doc = readFileSync(new URL('../../docs/automation.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('## Messages'), doc.indexOf('### Errors'));
    const documented = new Set([...table.matchAll(/^\| `\{ type: '(\w+)'/gm)].map((m) => m[1]));
    expect([...documented].sort()).toEqual([...REQUEST_TYPES].sort());
  });
});

describe('the storage schema', () => {
  it('has one entry per key, each key named once, none of them retired', () => {
    expect(Object.keys(STORAGE_SCHEMA).sort()).toEqual(Object.keys(STORAGE_KEYS).sort());
    const keys = Object.values(STORAGE_SCHEMA).map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const retired of RETIRED_LOCAL_KEYS) expect(keys).not.toContain(retired);
  });

  it('gives the default for an absent key, with no problem', () => {
    for (const name of Object.keys(STORAGE_SCHEMA) as (keyof typeof STORAGE_SCHEMA)[]) {
      expect(readStorageValue(name, undefined)).toEqual({ value: STORAGE_SCHEMA[name].fallback, problems: [] });
    }
  });

  it('keeps the valid fields of a damaged value and names each one it dropped, never its value', () => {
    const { value, problems } = readStorageValue('settings', { deadlineMs: 3000, redactIpsInExports: 'yes', profileId: 7, secretField: 'turn-password' });
    expect(value).toEqual({ deadlineMs: 3000 });
    expect(problems).toHaveLength(3);
    expect(problems.join(' ')).toMatch(/settings\.redactIpsInExports/);
    expect(problems.join(' ')).not.toContain('turn-password');
    expect(readStorageValue('settings', 'x').problems).toEqual(['`settings` is not an object; the defaults are used']);
  });

  it('counts list entries it could not read', () => {
    expect(readStorageValue('reportHistory', [null, 'x']).problems).toEqual(['2 of 2 entries of `reportHistory` could not be read and were left out']);
    expect(readStorageValue('customProfiles', { a: 1 })).toEqual({ value: [], problems: ['`customProfiles` is not a list; it was read as empty'] });
    expect(readStorageValue('lastReport', { schema: 'other' })).toMatchObject({ value: null, problems: [expect.stringContaining('lastReport')] });
    expect(readStorageValue('startupRunPendingSince', 'soon').value).toBeNull();
    expect(readStorageValue('startupRunPendingSince', 1234).value).toBe(1234);
  });
});
