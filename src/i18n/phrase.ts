/**
 * What the core says, as data: a message code (a key of
 * `_locales/<lang>/messages.json`) with named parameters, never a sentence.
 * The report stores phrases; `src/i18n/words.ts` turns them into words in the
 * reader's language (popup, printable page, badge, ticket text, CLI).
 */
import type { MessageKey, MessageParamName } from './message-keys';

/**
 * A parameter: a value shown as written (a host, a port, a browser error text),
 * a nested phrase, or a list of phrases (joined with "; ").
 */
export type PhraseParam = string | number | Phrase | Phrase[];

export interface Phrase {
  /** A message key, e.g. `why_udp_ports_limited`: stable, machine-readable. */
  code: MessageKey;
  /** By placeholder name, e.g. `{ answered: 'stun:a.example:3478' }`; absent when the message has none. */
  params?: Record<string, PhraseParam>;
}

type ParamsOf<K extends MessageKey> = [MessageParamName<K>] extends [never] ? [] : [params: { [P in MessageParamName<K>]: PhraseParam }];

/** A phrase whose parameter names `tsc` checks against the English messages file. */
export function phrase<K extends MessageKey>(code: K, ...[params]: ParamsOf<K>): Phrase {
  return params === undefined ? { code } : { code, params: params as Record<string, PhraseParam> };
}

/** A copy of the phrase with every string parameter (nested ones too) passed through `map`: how redaction and shortening reach parameters. */
export function mapPhraseStrings(p: Phrase, map: (text: string) => string): Phrase {
  if (p.params === undefined) return p;
  const param = (value: PhraseParam): PhraseParam =>
    typeof value === 'string'
      ? map(value)
      : typeof value === 'number'
        ? value
        : Array.isArray(value)
          ? value.map((v) => mapPhraseStrings(v, map))
          : mapPhraseStrings(value, map);
  return { code: p.code, params: Object.fromEntries(Object.entries(p.params).map(([name, value]) => [name, param(value)])) };
}
