import { execFileSync } from 'node:child_process';
import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonSchema, withoutDocs } from './json-schema';
import { shapeProblem } from './read';
import { boolean, constant, integer, list, nullable, number, object, oneOf, optional, record, ref, text, union, type Shape } from './shape';

interface Tree {
  name: string;
  children?: Tree[];
}

const TREE: Shape<Tree> = object({ name: text({ minLength: 1 }), children: optional(list(ref<Tree>('tree'))) });
const DECLARED = {
  header: { $id: 'https://example.invalid/t.json', title: 'T', description: 'a test document' },
  root: object(
    {
      kind: oneOf(['a', 'b'], { description: 'which' }),
      count: integer({ minimum: 0 }),
      ratio: nullable(number({ minimum: 0, maximum: 1 })),
      flag: boolean(),
      version: constant('v1'),
      when: nullable(oneOf(['now', 'later'])),
      tags: record(text()),
      tree: nullable(ref<Tree>('tree')),
      either: union([text({ pattern: '^[a-z]+$' }), list(integer())]),
      note: optional(text()),
      short: optional(text({ maxLength: 3 })),
      few: optional(list(integer(), { minItems: 1, maxItems: 2 })),
    },
    { dependencies: { short: ['few'] } },
  ),
  definitions: { tree: TREE },
};
const schema = toJsonSchema(DECLARED);
const valid = {
  kind: 'a',
  count: 2,
  ratio: null,
  flag: true,
  version: 'v1',
  when: 'now',
  tags: { x: 'y' },
  tree: { name: 'r', children: [{ name: 'c' }] },
  either: 'abc',
};

describe('a declared shape', () => {
  it('is the JSON Schema the docs publish: closed objects, required fields, compact nullable forms', () => {
    expect(schema).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', title: 'T', additionalProperties: false });
    expect(schema.required).toEqual(['kind', 'count', 'ratio', 'flag', 'version', 'when', 'tags', 'tree', 'either']);
    const properties = schema.properties as Record<string, unknown>;
    expect(properties.ratio).toEqual({ type: ['number', 'null'], minimum: 0, maximum: 1 });
    expect(properties.when).toEqual({ enum: ['now', 'later', null] });
    expect(properties.tree).toEqual({ anyOf: [{ $ref: '#/definitions/tree' }, { type: 'null' }] });
  });

  it('refuses a $ref to nothing and a definition nobody uses', () => {
    expect(() => toJsonSchema({ ...DECLARED, definitions: {} })).toThrow(/#\/definitions\/tree names no definition/);
    expect(() => toJsonSchema({ ...DECLARED, definitions: { tree: TREE, spare: text() } })).toThrow(/never used: spare/);
  });

  it('without its docs: no description anywhere, a field named `description` kept', () => {
    const compact = withoutDocs({ description: 'x', properties: { description: { type: 'string', description: 'y' } } });
    expect(compact).toEqual({ properties: { description: { type: 'string' } } });
  });

  it('reads what fits and names the first field that does not, never quoting a value', () => {
    const read = (value: unknown) => shapeProblem(DECLARED.root, value, DECLARED.definitions);
    expect(read(valid)).toBeNull();
    expect(read({ ...valid, kind: 'secret-c' })).toEqual({ path: '/kind', problem: 'is not one of the values this version knows' });
    expect(read({ ...valid, count: 1.5 })).toEqual({ path: '/count', problem: 'is not an integer' });
    expect(read({ ...valid, ratio: 2 })).toEqual({ path: '/ratio', problem: 'is above 1' });
    expect(read({ ...valid, tree: { name: 'r', children: [{ name: '' }] } })).toEqual({ path: '/tree/children/0/name', problem: 'is shorter than 1' });
    expect(read({ ...valid, tags: { 'a/b': 3 } })).toEqual({ path: '/tags/a~1b', problem: 'is not a string' });
    expect(read({ ...valid, extra: 1 })).toEqual({ path: '/extra', problem: 'is not a field of this version' });
    const { flag: _, ...withoutFlag } = valid;
    expect(read(withoutFlag)).toEqual({ path: '/flag', problem: 'is missing' });
    // eslint-disable-next-line no-sparse-arrays
    expect(read({ ...valid, either: [1, , 3] })).toEqual({ path: '/either/1', problem: 'is not an integer' });
    expect(read({ ...valid, either: 'ABC' })).toEqual({ path: '/either', problem: 'does not match its pattern' });
    expect(read('a string')).toEqual({ path: '', problem: 'is not an object' });
    expect(read({ ...valid, short: 'abcd', few: [1] })).toEqual({ path: '/short', problem: 'is longer than 3' });
    expect(read({ ...valid, short: 'abc' })).toEqual({ path: '/few', problem: 'is missing (short needs it)' });
    expect(read({ ...valid, few: [] })).toEqual({ path: '/few', problem: 'has fewer than 1 items' });
  });

  it('accepts exactly what ajv accepts against the published schema (random values)', () => {
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(schema);
    const value = fc.record(
      {
        kind: fc.constantFrom('a', 'b', 'c'),
        count: fc.oneof(fc.nat(), fc.double({ noNaN: true, noDefaultInfinity: true })),
        ratio: fc.oneof(fc.constant(null), fc.double({ min: -1, max: 2, noNaN: true })),
        flag: fc.oneof(fc.boolean(), fc.constant(0)),
        version: fc.constantFrom('v1', 'v2'),
        when: fc.constantFrom('now', 'later', null, 'never'),
        tags: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer())),
        tree: fc.oneof(fc.constant(null), fc.record({ name: fc.string() })),
        either: fc.oneof(fc.string(), fc.array(fc.integer())),
        note: fc.oneof(fc.string(), fc.integer()),
        short: fc.string({ maxLength: 5 }),
        few: fc.array(fc.integer(), { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(value, (v) => (shapeProblem(DECLARED.root, v, DECLARED.definitions) === null) === validate(v)));
  });
});

describe('the generated schemas', () => {
  it('are current: docs/report.schema.json, src/report/report-shape.json, docs/profile.schema.json and public/managed-schema.json are what scripts/shapes.mjs writes from their declarations', () => {
    // Fails with "stale: …" when a declaration changed and `npm run build` (or `node scripts/shapes.mjs`) was not run.
    expect(() => execFileSync('node', ['scripts/shapes.mjs', '--check'], { cwd: new URL('../..', import.meta.url), stdio: 'pipe' })).not.toThrow();
  }, 30_000);
});
