import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MESSAGE_PARAMS } from './message-keys';
import { phrase } from './phrase';
import { say } from './words';
import { translatorFromMessages, type MessagesFile } from './translate';
import en from '../../_locales/en/messages.json';

describe('generated message keys', () => {
  it('are current: src/i18n/message-keys.ts is what scripts/message-keys.mjs writes from the English messages', () => {
    // Exits non-zero (and the call throws) when the checked-in file is stale.
    expect(() => execFileSync('node', ['scripts/message-keys.mjs', '--check'], { cwd: new URL('../..', import.meta.url), stdio: 'pipe' })).not.toThrow();
  });

  it('name every placeholder, with an example, in substitution order', () => {
    const messages = en as MessagesFile;
    for (const [key, names] of Object.entries(MESSAGE_PARAMS)) {
      const placeholders = messages[key]!.placeholders ?? {};
      expect(
        names.map((name) => placeholders[name]!.content),
        key,
      ).toEqual(names.map((_, i) => `$${i + 1}`));
      for (const name of names) {
        // Chrome matches placeholder names case-insensitively, by their lower-case form; arg1/p1 names say nothing to a translator.
        expect(name, key).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(name, key).not.toMatch(/^(arg|p)\d+$/);
        expect(placeholders[name]!.example, `${key}.${name}`).toBeTruthy();
      }
    }
  });

  it('fill a phrase by name, nested phrases and lists included', () => {
    const t = translatorFromMessages(en as MessagesFile);
    const silent = phrase('detail_silent_udp', { target: 'stun:a.example:3478', seconds: '5 s' });
    expect(say(t, silent)).toBe('UDP to stun:a.example:3478 got no answer within 5 s');
    expect(say(t, phrase('why_not_run', { checks: [phrase('check_target_detail', { target: 'x', detail: silent }), phrase('detail_failed')] }))).toBe(
      "could not be tested (our own failure, not the network's): x: UDP to stun:a.example:3478 got no answer within 5 s; failed",
    );
    // A report@2 reason, and a code this version does not know.
    expect(say(t, { text: 'old words', checkIds: [] } as never)).toBe('old words');
    expect(say(t, { code: 'no_such_message' } as never)).toBe('[no_such_message]');
  });

  it('keep the English messages file as the source the generator read', () => {
    expect(Object.keys(MESSAGE_PARAMS).sort()).toEqual(
      Object.keys(JSON.parse(readFileSync(new URL('../../_locales/en/messages.json', import.meta.url), 'utf8'))).sort(),
    );
  });
});
