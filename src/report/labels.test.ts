import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../test/support/locales';
import { translatorFromMessages } from '../i18n/translate';
import { phrase } from '../i18n/phrase';
import { formatDuration, formatRate, natLine, natMappingLabel } from './labels';
import type { NatMapping } from '../ice/nat';

describe('numbers and NAT words in the reader’s language (issue 28)', () => {
  it('writes durations and rates with the locale’s decimal separator, English by default', () => {
    expect([850, 4_200, 12_000].map((ms) => formatDuration(ms))).toEqual(['850 ms', '4.2 s', '12 s']);
    expect([850, 4_200, 12_000].map((ms) => formatDuration(ms, 'de'))).toEqual(['850 ms', '4,2 s', '12 s']);
    expect(formatDuration(4_200, 'fr')).toBe('4,2 s');
    // Never grouped: "1234 ms" would read as "1.234 ms" in German.
    expect(formatDuration(999.6, 'de')).toBe('1000 ms');
    expect(formatRate(1_840, 'de')).toBe('1,8 Mbit/s');
  });

  it('names every NAT mapping in en, de and fr, never the raw value outside English', () => {
    const mappings: NatMapping[] = ['none', 'endpoint-independent', 'endpoint-dependent', 'unknown'];
    for (const lang of ['de', 'fr']) {
      const t = translatorFromMessages(messagesOf(lang));
      for (const m of mappings) expect(natMappingLabel(t, m), `${lang}:${m}`).not.toBe(m);
    }
    const de = translatorFromMessages(messagesOf('de'));
    expect(natLine(de, { mapping: 'unknown', reason: phrase('nat_unknown_none') })).toMatch(/^NAT: unbekannt — /);
  });
});
