import { describe, expect, it } from 'vitest';
import en from '../../_locales/en/messages.json';
import { translatorFromMessages, type MessagesFile } from '../../src/i18n/translate';
import { describePath } from '../../popup/options/rule-path';

const t = translatorFromMessages(en as MessagesFile);
const doc = { id: 'lab', rules: [{ id: 'stun' }, { id: 'turn-udp', urls: ['turn:'] }, { kind: 'https' }] };

describe('describePath', () => {
  it('names the rule by its id', () => {
    expect(describePath(doc, 'rules[1].urls[0]', t)).toBe('rule “turn-udp”: urls[0]');
    expect(describePath(doc, 'rules[1]', t)).toBe('rule “turn-udp”');
  });

  it('keeps the path when the rule has no id or the path is not a rule', () => {
    expect(describePath(doc, 'rules[2].url', t)).toBe('rules[2].url');
    expect(describePath(doc, 'rules[9].url', t)).toBe('rules[9].url');
    expect(describePath(doc, 'version', t)).toBe('version');
    expect(describePath('not an object', 'rules[0]', t)).toBe('rules[0]');
  });
});
