import { describe, expect, it } from 'vitest';
import { translatorFromMessages } from './translate';

describe('translatorFromMessages', () => {
  const t = translatorFromMessages({
    checkedAgo: { message: 'Checked $minutes$ minutes ago', placeholders: { minutes: { content: '$1' } } },
    price: { message: 'Costs $$5' },
  });

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
