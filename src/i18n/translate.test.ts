import { describe, expect, it } from 'vitest';
import { translatorFromMessages } from './translate';

describe('translatorFromMessages', () => {
  // Keys of a made-up messages file: the generated key type does not know them.
  const t = translatorFromMessages({
    checkedAgo: { message: 'Checked $minutes$ minutes ago', placeholders: { minutes: { content: '$1' } } },
    price: { message: 'Costs $$5' },
  }) as (key: string, substitutions?: readonly (string | number)[]) => string;

  it('fills named placeholders from positional substitutions', () => {
    expect(t('checkedAgo', [3])).toBe('Checked 3 minutes ago');
  });
  it('keeps a literal dollar', () => {
    expect(t('price')).toBe('Costs $5');
  });
  it('shows a missing key in brackets', () => {
    expect(t('nope')).toBe('[nope]');
  });
});
