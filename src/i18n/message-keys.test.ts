import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_ORDER } from './message-keys';
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
    for (const [key, entry] of Object.entries(messages)) {
      const placeholders = entry.placeholders ?? {};
      const names = Object.keys(placeholders).sort((a, b) => placeholders[a]!.content.localeCompare(placeholders[b]!.content));
      if (names.length > 1) expect(PLACEHOLDER_ORDER[key as keyof typeof PLACEHOLDER_ORDER], key).toEqual(names);
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
});
