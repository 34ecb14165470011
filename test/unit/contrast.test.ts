import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BADGE_COLOURS } from '../../src/view/badge';

/** WCAG 2.x contrast of the popup's colour pairs, read from popup.css itself. */
const css = readFileSync(resolve(import.meta.dirname, '../../popup/popup.css'), 'utf8');
const variable = (name: string) => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css);
  if (!m) throw new Error(`popup.css has no --${name}`);
  return m[1]!;
};

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('contrast (AA, 4.5:1 for text)', () => {
  const pairs: [string, string, string][] = [
    ['good on its background', variable('good'), variable('good-bg')],
    ['slow on its background', variable('slow'), variable('slow-bg')],
    ['bad on its background', variable('bad'), variable('bad-bg')],
    ['muted text on white', variable('muted'), '#ffffff'],
    ['good text on white', variable('good'), '#ffffff'],
    ['bad text on white', variable('bad'), '#ffffff'],
    ['button text on the primary blue', '#ffffff', '#0b57d0'],
    ...Object.entries(BADGE_COLOURS).map(([tone, colour]): [string, string, string] => [`badge text on ${tone}`, '#ffffff', colour]),
  ];
  for (const [name, fg, bg] of pairs) {
    it(name, () => {
      expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
    });
  }
});
