import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translatorFromMessages, type MessagesFile, type Translate } from '../../src/i18n/translate';
import { say } from '../../src/i18n/words';
import type { Phrase } from '../../src/i18n/phrase';
import { renderTicketText } from '../../src/view/ticket-text';
import { readStoredReport } from '../../src/report/stored';
import type { Report } from '../../src/report/types';
import { methodRows } from '../../src/view/methods';
import { parsePolicy } from '../../src/policy/parse';
import { causeText, missingRulesText, ruleText } from '../../src/view/rules';
import { decideVerdict, VERDICT_TABLE } from '../../src/verdict';
import { ROW_CASES } from '../fixtures/verdict-cases';
import { DEFAULT_LOCALE, messagesOf, TRANSLATIONS } from '../support/locales';

/**
 * The done-when of issue 16: a stored report rendered under German and French
 * holds no English sentence from the core. Every report captured from a lab
 * run (test/fixtures/reports) is rendered as the ticket text and as the
 * popup's and printable page's pieces (method reasons, rule and cause copies,
 * every phrase it holds), and the result is searched for the English
 * messages' own wording. The vendor's words (profile purposes) and the
 * browser's (net::ERR_…, ICE error texts) may stay English: they are not in
 * the English messages file.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const REPORTS_DIR = join(ROOT, 'test/fixtures/reports');
const LANGS: Record<string, MessagesFile> = Object.fromEntries(TRANSLATIONS.map((lang) => [lang, messagesOf(lang)]));
const english = messagesOf(DEFAULT_LOCALE);

/** Runs of at least three words of an English message, placeholders cut out: what a leaked English sentence would show. */
function englishFragments(): Map<string, string> {
  const fragments = new Map<string, string>();
  for (const [key, entry] of Object.entries(english)) {
    for (const part of entry.message.split(/\$[A-Za-z0-9_]+\$|\$\d|[():;.,!?“”"]/)) {
      const words = part.trim();
      if (words.split(/\s+/).length >= 3 && /[a-z]/.test(words)) fragments.set(words, key);
    }
  }
  return fragments;
}

/** Every phrase in a value (a report), however deep. */
function phrasesIn(value: unknown, found: Phrase[] = []): Phrase[] {
  if (Array.isArray(value)) for (const item of value) phrasesIn(item, found);
  else if (typeof value === 'object' && value !== null) {
    if (typeof (value as Phrase).code === 'string') found.push(value as Phrase);
    for (const item of Object.values(value)) phrasesIn(item, found);
  }
  return found;
}

/** What the popup, the printable page and the ticket text would show of the report in the language of `t`. */
function rendered(report: Report, t: Translate): string {
  const rows = methodRows(report.verdict, report.checks).map((row) => say(t, row.reason));
  const rules = [...report.missingRules, ...report.verifyRules, ...report.otherCauses.flatMap((s) => s.rules)].map((rule) => ruleText(rule, t));
  const causes = report.otherCauses.map((section) => causeText(section, report, t));
  return [renderTicketText(report, t), missingRulesText(report, t), ...rows, ...rules, ...causes, ...phrasesIn(report).map((p) => say(t, p))].join('\n');
}

/** The vendor's words in a report (rule purposes, the profile's name): English, and not ours to translate. */
function vendorWords(report: Report): string[] {
  const rules = [...report.missingRules, ...report.verifyRules, ...report.otherCauses.flatMap((s) => s.rules)];
  return [report.profile.name, ...rules.map((r) => r.purpose), ...report.outcome.blockedServices.map((s) => s.purpose)];
}

/**
 * The English fragments in `text` that the target language's own messages do
 * not contain (a term kept in every language is fine), leaving out those that
 * are the vendor's own words (a lab rule's purpose is "Relay over UDP").
 */
function leakedEnglish(text: string, messages: MessagesFile, fragments: Map<string, string>, report: Report): string[] {
  const own = Object.values(messages)
    .map((m) => m.message)
    .join('\n');
  const vendor = vendorWords(report).join('\n');
  return [...fragments]
    .filter(([words]) => text.includes(words) && !own.includes(words) && !vendor.includes(words))
    .map(([words, key]) => `${key}: "${words}"`);
}

const captured = readdirSync(REPORTS_DIR)
  .filter((name) => name.endsWith('.json'))
  .map((name) => [name, JSON.parse(readFileSync(join(REPORTS_DIR, name), 'utf8')) as Report] as const);
/** A captured report whose profile had problems the validator dropped (the lab's profiles have none), in the validator's own words, under a policy with problems. */
const BAD_POLICY = { deadlineMs: '10', runEveryMinutes: 100_000, profileId: 'nope', region: 7, turnCredentials: [], unknownKey: true };
const direct = captured.find(([name]) => name === 'direct.json')![1];
const withProfileErrors: Report = {
  ...direct,
  profile: {
    ...direct.profile,
    errors: [
      { path: 'rules[2].ports[0]', code: 'port', message: 'string is not a port (1-65535) or a range like "49152-65535"' },
      { path: 'rules[3].id', code: 'duplicate-id', message: 'the same id as rules[1]: rule ids must be unique' },
    ],
  },
  // And a managed policy with problems, as the policy reader words them.
  environment: { ...direct.environment, policy: { managed: true, settingsFromPolicy: ['deadlineMs'], problems: parsePolicy(BAD_POLICY).problems } },
};
const reports = [...captured, ['direct.json with profile errors', withProfileErrors] as const];

describe('a stored report in German and French', () => {
  const fragments = englishFragments();

  it('covers many verdict rows and phrases', () => {
    const rows = new Set(reports.flatMap(([, r]) => r.verdict.methods.map((m) => m.rowId)));
    const codes = new Set(reports.flatMap(([, r]) => phrasesIn(r).map((p) => p.code)));
    expect(rows.size).toBeGreaterThanOrEqual(10);
    expect(codes.size).toBeGreaterThanOrEqual(25);
  });

  it.each(reports)('%s: the English rendering is caught by the search (the test can fail)', (_name, report) => {
    const text = rendered(report, translatorFromMessages(english));
    expect(leakedEnglish(text, LANGS.de!, fragments, report).length).toBeGreaterThan(3);
  });

  it('every VERDICT_TABLE row has a case whose verdict takes it', () => {
    for (const row of VERDICT_TABLE) {
      const verdict = decideVerdict(ROW_CASES[row.id]!);
      expect(verdict.methods.find((m) => m.method === row.method)?.rowId, row.id).toBe(row.id);
    }
  });

  for (const [lang, messages] of Object.entries(LANGS)) {
    it(`every verdict row's reasons and summary under ${lang}: no English sentence from the core`, () => {
      const t = translatorFromMessages(messages);
      for (const row of VERDICT_TABLE) {
        const verdict = decideVerdict(ROW_CASES[row.id]!);
        const method = verdict.methods.find((m) => m.method === row.method)!;
        const text = [say(t, verdict.summary), ...method.reasons.map((r) => say(t, r))].join('\n');
        const empty = { profile: { name: '' }, missingRules: [], verifyRules: [], otherCauses: [], outcome: { blockedServices: [] } } as unknown as Report;
        expect(leakedEnglish(text, messages, fragments, empty), row.id).toEqual([]);
        expect(text, row.id).not.toMatch(/\[[a-z]+_[a-z_]+\]/);
      }
    });

    it.each(reports)(`%s under ${lang}: no English sentence from the core`, (_name, report) => {
      expect(readStoredReport(report), 'a report this version reads').not.toBeNull();
      const text = rendered(report, translatorFromMessages(messages));
      expect(leakedEnglish(text, messages, fragments, report)).toEqual([]);
      // Every phrase is a known message (none shows as [code]), every placeholder filled.
      expect(text).not.toMatch(/\[[a-z]+_[a-z_]+\]/);
      expect(text).not.toMatch(/\$[A-Za-z_]+\$/);
    });
  }
});
