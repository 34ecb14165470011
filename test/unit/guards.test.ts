import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Every guard of docs/architecture.md, fed a violation it must refuse (and,
 * beside it, the allowed form it must let through, so a guard that refuses
 * everything fails too). The guards are the real configs: tsconfig.core.json
 * through TypeScript's API, eslint.config.js through ESLint's.
 */
const ROOT = new URL('../..', import.meta.url).pathname;

describe('the core compiles with ECMAScript 2022 alone (tsconfig.core.json)', () => {
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.core.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const core = ts.createProgram({ rootNames: config.fileNames, options: config.options });

  /** Diagnostics for one extra file dropped into src/checks/, compiled with the core's options and globals. */
  function compileInCore(source: string): string[] {
    const probe = join(ROOT, 'src/checks/zz-guard-probe.ts');
    const host = ts.createCompilerHost(config.options);
    const readFile = host.readFile.bind(host);
    const getSourceFile = host.getSourceFile.bind(host);
    host.readFile = (f) => (f === probe ? source : readFile(f));
    host.fileExists = (f) => f === probe || ts.sys.fileExists(f);
    host.getSourceFile = (f, v) => (f === probe ? ts.createSourceFile(f, source, v) : getSourceFile(f, v));
    const program = ts.createProgram({ rootNames: [probe, join(ROOT, 'src/web-globals.d.ts')], options: config.options, host });
    return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  }

  // Type-checking the whole core takes a few seconds on a busy machine.
  it('loads no DOM lib and no Node, Chrome or polyfill types', { timeout: 120_000 }, () => {
    expect(ts.getPreEmitDiagnostics(core).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
    const outside = core
      .getSourceFiles()
      .map((f) => f.fileName)
      .filter((f) => !f.startsWith(join(ROOT, 'src')));
    expect(outside.filter((f) => /lib\.(dom|webworker|scripthost)/.test(f))).toEqual([]);
    expect(outside.filter((f) => /@types\/(node|chrome|webextension-polyfill)\//.test(f))).toEqual([]);
  });

  it.each([
    ['document', 'export const title = () => document.title;'],
    ['window', 'export const w = () => window.innerWidth;'],
    ['process', 'export const env = () => process.env.HOME;'],
    ['Buffer', "export const b = () => Buffer.from('x');"],
    ['chrome', 'export const id = () => chrome.runtime.id;'],
    ['browser', 'export const id = () => browser.runtime.id;'],
    ['RTCPeerConnection', 'export const pc = () => new RTCPeerConnection();'],
  ])('refuses %s', (name, source) => {
    expect(compileInCore(source).join('\n')).toContain(`Cannot find name '${name}'`);
  });

  it('refuses a Node module', () => {
    expect(compileInCore("import { readFileSync } from 'node:fs';\nexport const r = readFileSync;").join('\n')).toMatch(/Cannot find module 'node:fs'/);
  });

  it('allows URL and the text codecs (src/web-globals.d.ts)', () => {
    expect(compileInCore("export const n = () => new TextEncoder().encode(new URL('https://a.example/').host).length;")).toEqual([]);
  });
});

describe('eslint.config.js', () => {
  let eslint: ESLint;
  // The first typed lint builds the TypeScript program (seconds); every probe after it reuses it.
  beforeAll(async () => {
    // Each probe lints new text at an existing file's path: a long-running session, not one CLI pass. With
    // CI=true typescript-eslint infers a single run (inferSingleRun.js), keeps the first program it built and
    // lints the file on disk instead of the probe (measured: the first probe of each file came back clean).
    process.env.TSESTREE_SINGLE_RUN = 'false';
    eslint = new ESLint({ cwd: ROOT });
    await eslint.lintText('export {};\n', { filePath: join(ROOT, 'src/checks/deadline.ts') });
  }, 120_000);

  /**
   * Lints `code` as if it were the file at `filePath`. Typed rules need a file of
   * the TypeScript project, so the probe takes an existing file's place (its text
   * on disk is not read).
   */
  async function lint(filePath: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
    return result!.messages.map((m) => `${m.ruleId}: ${m.message}`);
  }
  const CORE = 'src/checks/deadline.ts';
  const CONTRACT = 'src/contract/progress.ts';
  const WORKER = 'background/badge/badge.ts';
  const OFFSCREEN = 'background/offscreen/gather.ts';
  const PAGE = 'popup/components/Headline.tsx';

  describe('banned globals per context', () => {
    it.each(['document', 'window', 'navigator', 'process', 'Buffer', 'chrome', 'browser'])('refuses %s in src/', async (name) => {
      expect(await lint(CORE, `export const g = () => ${name}.toString();\n`)).toEqual([
        expect.stringMatching(new RegExp(`^no-restricted-globals: Unexpected use of '${name}'`)),
      ]);
    });

    it.each([
      [WORKER, 'chrome'],
      [WORKER, 'browser'],
      [WORKER, 'process'],
      [WORKER, 'document'],
      [WORKER, 'window'],
      [PAGE, 'chrome'],
      [PAGE, 'browser'],
      [PAGE, 'Buffer'],
    ])('refuses in %s the global %s', async (file, name) => {
      expect(await lint(file, `export const g = () => ${name}.toString();\n`)).toEqual([expect.stringMatching(/^no-restricted-globals:/)]);
    });

    it('allows the page globals where there is a page (offscreen document, popup)', async () => {
      expect(await lint(OFFSCREEN, 'export const g = () => document.title;\n')).toEqual([]);
      expect(await lint(PAGE, 'export const g = () => document.title;\n')).toEqual([]);
    });
  });

  describe('one spelling of the extension API', () => {
    it('lets each context module define `browser` (their own files lint clean)', async () => {
      for (const file of ['background/browser.ts', 'popup/shared/browser.ts'])
        expect(await lint(file, readFileSync(join(ROOT, file), 'utf8')), file).toEqual([]);
    });

    it('accepts `browser` imported from the context module', async () => {
      expect(await lint(WORKER, "import { browser } from '../browser';\nexport const id = () => browser.runtime.id;\n")).toEqual([]);
      expect(await lint(PAGE, "import { browser } from '../shared/browser';\nexport const id = () => browser.runtime.id;\n")).toEqual([]);
    });

    it('refuses the polyfill imported anywhere but background/browser.ts', async () => {
      const code = "import browser from 'webextension-polyfill';\nexport const id = () => browser.runtime.id;\n";
      for (const file of [WORKER, PAGE, CORE]) expect(await lint(file, code), file).toEqual([expect.stringMatching(/^no-restricted-imports:/)]);
    });
  });

  describe('import zones per layer', () => {
    it.each([
      [CORE, 'node:fs'],
      [CORE, 'preact'],
      [CORE, '#platform'],
      [CORE, '../../background/run/controller'],
      [CORE, '../../popup/shared/send'],
      [CORE, '../../cli/render'],
      [CORE, '../../test/e2e/lab-profile'],
      [CORE, '../contract/requests'],
      [CONTRACT, 'node:fs'],
      [CONTRACT, '../../background/request-handlers'],
      [WORKER, 'node:fs'],
      [WORKER, 'preact'],
      [WORKER, '../../popup/shared/send'],
      [PAGE, 'node:fs'],
      [PAGE, '#platform'],
      [PAGE, '../../background/run/controller'],
    ])('refuses in %s an import of %s', async (file, from) => {
      expect(await lint(file, `import * as m from '${from}';\nexport const x = m;\n`)).toEqual([expect.stringMatching(/^no-restricted-imports:/)]);
    });

    it('lets each layer import what sits below it', async () => {
      expect(await lint(CORE, "import * as m from '../profile/types';\nexport const x = m;\n")).toEqual([]);
      expect(await lint(CONTRACT, "import * as m from '../report/types';\nexport const x = m;\n")).toEqual([]);
      expect(await lint(WORKER, "import * as m from '../../src/contract/progress';\nexport const x = m;\n")).toEqual([]);
      expect(await lint(PAGE, "import * as m from '../../src/contract/requests';\nexport const x = m;\n")).toEqual([]);
    });
  });

  describe('typed rules', () => {
    it('refuses a switch over a closed union that leaves a member to `default`', async () => {
      const code = [
        "import type { CheckStatus } from './types';",
        'export function rank(s: CheckStatus): number {',
        '  switch (s) {',
        "    case 'pass':",
        '      return 0;',
        '    default:',
        '      return 1;',
        '  }',
        '}',
        '',
      ].join('\n');
      expect(await lint(CORE, code)).toEqual([
        expect.stringMatching(/^@typescript-eslint\/switch-exhaustiveness-check: .*"error" \| "fail" \| "untestable" \| "warn"/),
      ]);
    });

    it('refuses a promise dropped on the floor', async () => {
      expect(await lint(WORKER, 'export function go(p: () => Promise<void>): void {\n  p();\n}\n')).toEqual([
        expect.stringMatching(/^@typescript-eslint\/no-floating-promises:/),
      ]);
    });
  });
});
