import { describe, expect, it } from 'vitest';
import { applyChoices, ruleApplies } from './options';

describe('ruleApplies', () => {
  it('applies a rule without `when` always', () => {
    expect(ruleApplies(undefined, {})).toBe(true);
  });

  it('takes one choice or a list of choices', () => {
    expect(ruleApplies({ connection: 'new' }, { connection: 'new' })).toBe(true);
    expect(ruleApplies({ connection: 'new' }, { connection: 'legacy' })).toBe(false);
    expect(ruleApplies({ connection: ['new', 'legacy'] }, { connection: 'legacy' })).toBe(true);
    expect(ruleApplies({ connection: ['new', 'legacy'] }, { connection: 'teamlink-only' })).toBe(false);
  });

  it('needs every named option to match', () => {
    expect(ruleApplies({ connection: 'new', china: 'yes' }, { connection: 'new', china: 'no' })).toBe(false);
    expect(ruleApplies({ connection: 'new', china: 'yes' }, { connection: 'new', china: 'yes' })).toBe(true);
  });

  it('does not apply a rule whose option was not chosen at all', () => {
    expect(ruleApplies({ china: 'yes' }, {})).toBe(false);
  });
});

describe('applyChoices', () => {
  it('keeps the rules that apply and strips `options` and `when`, leaving a plain profile', () => {
    const document = {
      id: 'p',
      name: 'P',
      options: [
        {
          id: 'o',
          label: 'O',
          choices: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
          default: 'a',
        },
      ],
      rules: [{ id: 'always' }, { id: 'only-b', when: { o: 'b' } }],
    };
    expect(applyChoices(document, { o: 'b' })).toEqual({ id: 'p', name: 'P', rules: [{ id: 'always' }, { id: 'only-b' }] });
    expect(applyChoices(document, { o: 'a' })).toEqual({ id: 'p', name: 'P', rules: [{ id: 'always' }] });
  });
});
