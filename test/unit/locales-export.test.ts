import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessagesFile } from '../../src/i18n/translate';
import { DEFAULT_LOCALE, messagesOf, TRANSLATIONS } from '../support/locales';

const root = resolve(import.meta.dirname, '../..');
const en = messagesOf(DEFAULT_LOCALE);
const ours = (file: MessagesFile) =>
  Object.keys(file)
    .filter((k) => /^(export|report)_/.test(k))
    .sort();

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

describe('export and report strings', () => {
  it.each(TRANSLATIONS)('are translated, not copied, in %s (except words that are the same)', (lang) => {
    const other = messagesOf(lang);
    const same = ours(en).filter((k) => other[k]?.message === en[k]!.message);
    // e.g. "Browser: $1", "optional", "Status", "Export": identical in German or French.
    expect(same.length).toBeLessThan(ours(en).length / 8);
  });

  it('cover every literal key the renderers and pages use', () => {
    const files = [...sources('src/report'), ...sources('popup/export'), ...sources('popup/report')];
    const used = new Set(files.flatMap((f) => [...readFileSync(join(root, f), 'utf8').matchAll(/\bt\(\s*'((?:export|report)_[a-z_]+)'/g)].map((m) => m[1]!)));
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) expect(en, key).toHaveProperty(key);
  });

  it('cover every route, method, status and trigger the report can hold', () => {
    const keys = [
      ...['hole_punching', 'relay_udp', 'relay_tcp', 'relay_tls', 'none'].map((r) => `report_route_${r}`),
      ...['lan', 'hole_punching', 'relay_udp', 'relay_tcp', 'relay_tls'].map((m) => `report_method_${m}`),
      ...['available', 'unverified', 'unavailable', 'untested'].map((s) => `report_method_status_${s}`),
      ...['pass', 'fail', 'warn', 'untestable'].map((s) => `report_status_${s}`),
      ...['user', 'automation', 'schedule', 'startup'].map((s) => `report_trigger_${s}`),
    ];
    for (const key of keys) expect(en, key).toHaveProperty(key);
  });
});
