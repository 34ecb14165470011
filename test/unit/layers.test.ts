import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The layer rules of eslint.config.js, as `npm run lint` applies them. */
describe('layers', () => {
  const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

  it('refuses chrome.* and browser.* in the pure core (src/)', async () => {
    const [result] = await eslint.lintText('export const id = () => chrome.runtime.id;\nexport const b = () => browser.runtime.id;\n', {
      filePath: 'src/checks/zz-layer-probe.ts',
    });
    expect(result!.messages.map((m) => m.ruleId)).toEqual(['no-restricted-globals', 'no-restricted-globals']);
  });

  it('allows them in the browser glue (background/)', async () => {
    const [result] = await eslint.lintText('export const id = () => chrome.runtime.id;\n', { filePath: 'background/zz-layer-probe.ts' });
    expect(result!.messages).toEqual([]);
  });
});
