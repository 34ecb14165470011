import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../test/support/locales';
import { translatorFromMessages } from '../i18n/translate';
import { phrase } from '../i18n/phrase';
import type { NatMapping } from '../ice/nat';
import { natLine, natMappingLabel } from './nat-words';

describe('the NAT line in the reader’s language (issue 28)', () => {
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
