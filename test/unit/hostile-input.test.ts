/**
 * Issue 20's hostile-input corpus, replayed on every `npm test`: secrets where
 * they do not belong, profiles with nothing to run, unknown and prototype-named
 * fields, malformed messages, nesting deep enough to overflow a stack, damaged
 * stored values, LAN targets and Markdown in profile text. Each case is a
 * promise that once failed (see the issue); the fault cases needing a real
 * browser are in test/e2e/hostile.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import secretCorpus from '../fixtures/hostile/secret-profiles.json';
import example from '../fixtures/profiles/example.json';
import { parseRunRequest } from '../../background/run/run-request';
import { launchProblem } from '../../cli/launch';
import { planChecks } from '../../src/checks/plan';
import { readRequest, REQUEST_TYPES } from '../../src/contract/requests';
import { parsePolicy } from '../../src/policy/parse';
import { applyPolicyOverrides } from '../../src/policy/overrides';
import { builtinProfile } from '../../src/profile/builtin';
import { parseJsonText } from '../../src/profile/json-text';
import { localProbe, localTargets, probeUrl } from '../../src/profile/local-targets';
import type { Profile } from '../../src/profile/types';
import { formatProfileError, MAX_DEPTH, validateProfile } from '../../src/profile/validate';
import { fitReport, jsonBytes } from '../../src/report/fit';
import { addToHistory, readHistoryValue } from '../../src/report/history';
import { readStoredReport } from '../../src/report/stored';
import { renderTicketText } from '../../src/view/ticket-text';
import { checkImport } from '../../src/settings/import';
import { readStoredProfiles, readStoredSettings } from '../../src/settings/stored';
import { translatorFromMessages, type MessagesFile } from '../../src/i18n/translate';
import en from '../../_locales/en/messages.json';
import { validateReport } from '../fixtures/schemas';
import { renderEverything } from '../support/render-all';
import { simulatedReport } from '../support/simulated-run';

const SECRET = secretCorpus.marker;
const t = translatorFromMessages(en as MessagesFile);
const taken = { builtin: ['senso', 'remotespark', 'onsight', 'custom'], policy: null };
const builtin = (id: string, choices: Record<string, string>) => builtinProfile(id, choices);
const goodRule = { id: 'app', kind: 'https', purpose: 'App', url: 'https://app.example.org/' };
const profileWith = (rules: unknown, extra: object = {}) => ({ id: 'p', name: 'P', version: '1', rules, ...extra });

describe('2. no secret in any message: the field and the kind of problem, never the value', () => {
  it.each(secretCorpus.cases.map((c) => [c.name, c.input] as const))('%s', (_name, input) => {
    const channels: string[] = [];
    const { profile, errors } = validateProfile(input);
    expect(errors.length).toBeGreaterThan(0);
    channels.push(JSON.stringify(errors), errors.map(formatProfileError).join('\n'));
    channels.push(JSON.stringify(checkImport(input, taken, [])));
    channels.push(JSON.stringify(parseRunRequest({ type: 'run', profile: input }, builtin)));
    // A pushed profile's problems go into every report of every managed device.
    channels.push(JSON.stringify(parsePolicy({ customProfile: input }).problems));
    if (profile) channels.push(...renderEverything(simulatedReport(profile, { errors })));
    for (const text of channels) expect(text).not.toContain(SECRET);
  });

  it('JSON that does not parse: the position and the kind of mistake, never the text around it', () => {
    const broken = [
      `{"credential": ${SECRET}}`,
      `{"credential": "${SECRET}`,
      `{"credential": "${SECRET}" "x": 1}`,
      `{"rules": [ {"credential": "${SECRET}"}, ]}`,
      `{"a": 1} ${SECRET}`,
      `{${SECRET}: 1}`,
      `{"c": "a\tb ${SECRET}"}`,
      `{"c": "\\q${SECRET}"}`,
    ];
    for (const text of broken) {
      const result = parseJsonText(text);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.message).toMatch(/^not JSON/);
      expect(result.error.message).not.toContain(SECRET);
      // V8's own message quotes the text, which is why it is never shown.
      expect(() => JSON.parse(text)).toThrow();
    }
    expect(parseJsonText('{\n  "a": 1,\n  "b": }')).toMatchObject({ ok: false, error: { message: 'not JSON (line 3, column 8: an unexpected character)' } });
    expect(parseJsonText('{"a": "x"} tail')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/line 1, column 12/) } });
  });
});

describe('3. redaction cannot touch structure', () => {
  const base = validateProfile(example).profile as Profile;
  const withCredentials = (username: string, credential: string): Profile => ({
    ...base,
    rules: base.rules.map((rule) => (rule.kind === 'turn' ? { ...rule, username, credential } : rule)),
  });
  const reference = simulatedReport(withCredentials('someone-else', 'unrelated-secret-value'));

  it.each([
    ['turn', 'pass'],
    ['webrtc', 'none'],
    ['stun', 'fail'],
    ['relay-udp', 'hole-punching'],
    ['tls', 'udp'],
    ['webrtc-network-check/report@2', 'warn'],
  ])('credentials %s / %s that read like report words leave the report as it is', (username, credential) => {
    for (const outcome of [0, 1, 2] as const) {
      const report = simulatedReport(withCredentials(username, credential), { outcome });
      const other = simulatedReport(withCredentials('someone-else', 'unrelated-secret-value'), { outcome });
      expect(report).toEqual(other);
      expect(validateReport(report)).toEqual([]);
    }
    expect(reference.checks.every((c) => c.status !== ('[redacted]' as never))).toBe(true);
  });

  it('still scrubs a credential the browser echoes into its setup error', async () => {
    const { redactGatherResult } = await import('../../src/report/redact');
    const scrubbed = redactGatherResult(
      {
        candidates: [],
        errors: [{ errorCode: 701, errorText: `bad ${SECRET}`, url: 'turn:a.example:3478', address: null, port: null, atMs: 1 }],
        gatheringComplete: false,
        deadlineReached: false,
        deadlineMs: 1,
        durationMs: 1,
        setupError: `user:${SECRET}`,
      },
      ['user', SECRET],
    );
    expect(JSON.stringify(scrubbed)).not.toContain(SECRET);
  });
});

describe('4. a profile with no usable rule is refused as a whole, never run', () => {
  const cases: [string, unknown][] = [
    ['rules missing', profileWith(undefined)],
    ['rules empty', profileWith([])],
    ['rules not a list', profileWith({ a: goodRule })],
    ['rules a string', profileWith('rules')],
    [
      'every rule invalid',
      profileWith([
        { id: 'a', kind: 'sctp' },
        { id: 'b', kind: 'https', purpose: 'x', url: 'http://a.example/' },
      ]),
    ],
    ['10 000 nulls', profileWith(Array.from({ length: 10_000 }, () => null))],
  ];
  it.each(cases)('%s -> invalid-profile with details', (_name, input) => {
    expect(validateProfile(input).profile).toBeNull();
    const reply = parseRunRequest({ type: 'run', profile: input }, builtin);
    expect(reply).toMatchObject({ error: { code: 'invalid-profile' } });
    expect('error' in reply && reply.error.details?.length).toBeGreaterThan(0);
    expect(checkImport(input, taken, [])).toMatchObject({ ok: false });
  });

  it('the built-in Custom template (no rules) is refused too', () => {
    expect(parseRunRequest({ type: 'run', profileId: 'custom' }, builtin)).toMatchObject({ error: { code: 'invalid-profile' } });
  });
});

describe('5. unknown fields warn and keep their rule; prototype-named keys are ordinary names', () => {
  // JSON.parse, as the import does: `__proto__` then is an own key, not the prototype.
  const document = JSON.parse(
    JSON.stringify(
      profileWith([
        { ...goodRule, $comment: 'from the vendor guide', fromSchema3: { any: 1 } },
        { ...goodRule, id: 'b', url: 'https://b.example.org/' },
      ]),
    ).replace('"fromSchema3"', '"__proto__":{"polluted":true},"constructor":"x","fromSchema3"'),
  ) as unknown;

  it('the import keeps every rule and lists each unknown field as a warning', () => {
    const result = checkImport(document, taken, []);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.profile.rules.map((r) => r.id)).toEqual(['app', 'b']);
    expect(result.warnings.map((w) => [w.path, w.code])).toEqual([
      ['rules[0].$comment', 'unknown-field'],
      ['rules[0].__proto__', 'unknown-field'],
      ['rules[0].constructor', 'unknown-field'],
      ['rules[0].fromSchema3', 'unknown-field'],
    ]);
    expect(Object.keys(result.profile.rules[0]!)).not.toContain('$comment');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a run keeps them too', () => {
    const reply = parseRunRequest({ type: 'run', profile: document }, builtin);
    expect('profile' in reply && reply.profile.rules).toHaveLength(2);
  });

  it('a rule called `constructor` picks up no policy override from Object.prototype', () => {
    const profile = validateProfile(profileWith([{ id: 'constructor', kind: 'tcp', purpose: 'x', hosts: ['*.example.org'], ports: [443] }])).profile!;
    const policy = parsePolicy(JSON.parse('{"customProfile":' + JSON.stringify(profile) + ',"profileId":"p","probeHosts":{"__proto__":"evil.example.org"}}'));
    const applied = applyPolicyOverrides(profile, policy);
    expect(applied.rules[0]).not.toHaveProperty('probeHost');
    expect(() => planChecks(applied)).not.toThrow();
  });
});

describe('8. storage: reports kept within quota, stored values read through validation', () => {
  const profile = validateProfile(example).profile as Profile;
  const report = simulatedReport(profile);

  it('a report of several MB is cut to the budget, says what was cut and stays schema-valid and renderable', () => {
    const candidates = Array.from({ length: 12_000 }, (_, i) => ({ ...report.candidates[0]!, atMs: i }));
    const huge = { ...report, candidates, checks: report.checks.map((c) => ({ ...c, evidence: `${c.evidence ?? ''}${' x'.repeat(20_000)}` })) };
    expect(jsonBytes(huge)).toBeGreaterThan(3_000_000);
    const fitted = fitReport(huge);
    expect(jsonBytes(fitted)).toBeLessThanOrEqual(250_000);
    expect(fitted.truncated?.map((c) => c.field)).toEqual(expect.arrayContaining(['candidates', 'texts']));
    expect(fitted.truncated?.find((c) => c.field === 'candidates')).toMatchObject({ total: 12_000 });
    expect(fitted.verdict).toEqual(report.verdict);
    expect(fitted.missingRules.map((r) => r.ruleId)).toEqual(report.missingRules.map((r) => r.ruleId));
    expect(validateReport(fitted)).toEqual([]);
    expect(readStoredReport(fitted)).not.toBeNull();
    expect(renderTicketText(fitted, t)).toMatch(/Shortened to fit the browser's storage/);
    expect(fitReport(report)).toBe(report);
  });

  it('the history stays within its byte budget, the newest report always kept', () => {
    const big = { ...report, id: 'big', candidates: Array.from({ length: 3_000 }, () => report.candidates[0]!) };
    const history = Array.from({ length: 19 }, (_, i) => ({ ...big, id: `old-${i}` }));
    const next = addToHistory(history, { ...report, id: 'new' }, 20, 2_000_000);
    expect(next[0]!.id).toBe('new');
    expect(jsonBytes(next)).toBeLessThanOrEqual(2_000_000);
    expect(next.length).toBeLessThan(20);
  });

  const damaged: [string, unknown][] = [
    ['a string', 'lastReport'],
    ['null', null],
    ['a list', [report]],
    ['no checks', { ...report, checks: undefined }],
    ['checks not a list', { ...report, checks: {} }],
    ['an unknown route', { ...report, verdict: { ...report.verdict, route: 'teleport' } }],
    ['an unknown check status', { ...report, checks: [{ ...report.checks[0], status: 'maybe' }] }],
    ['another schema', { ...report, schema: 'webrtc-network-check/report@1' }],
    ['no environment', { ...report, environment: null }],
    ['a method without reasons', { ...report, verdict: { ...report.verdict, methods: [{ ...report.verdict.methods[0], reasons: null }] } }],
    ['a prototype key', JSON.parse('{"__proto__": {"verdict": {"route": "none"}}}')],
  ];
  it.each(damaged)('a stored report that is %s reads as no report', (_name, value) => {
    expect(readStoredReport(value)).toBeNull();
  });

  it('every report captured from a lab run reads back as a report', () => {
    const dir = new URL('../fixtures/reports/', import.meta.url);
    const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
    expect(files.length).toBeGreaterThan(3);
    for (const name of files) expect(readStoredReport(JSON.parse(readFileSync(new URL(name, dir), 'utf8'))), name).not.toBeNull();
  });

  it('a damaged history item is dropped, the others listed', () => {
    expect(readHistoryValue([report, 'x', null, { ...report, id: 7 }, { ...report, id: 'second' }]).map((r) => r.id)).toEqual([report.id, 'second']);
    expect(readHistoryValue({ 0: report })).toEqual([]);
  });

  it('settings and custom profiles from another version fall back key by key', () => {
    expect(readStoredSettings('x')).toEqual({});
    expect(readStoredSettings({ profileId: 7, deadlineMs: 10 ** 9, redactIpsInExports: 'yes', choices: { region: 1 }, extra: true })).toEqual({});
    expect(readStoredSettings({ profileId: 'senso', deadlineMs: 3000 })).toEqual({ profileId: 'senso', deadlineMs: 3000 });
    const good = { profile: validateProfile(profileWith([goodRule])).profile, importedAt: '2026-01-01', errors: [] };
    expect(readStoredProfiles({ a: good })).toEqual([]);
    expect(readStoredProfiles([good, null, 'x', { profile: { id: 'broken' } }, { ...good, errors: 'x', importedAt: 3 }])).toEqual([
      good,
      { ...good, importedAt: '' },
    ]);
  });
});

describe('9. malformed messages get the documented { error }', () => {
  it.each([
    ['null', null],
    ['a string', 'run'],
    ['a number', 42],
    ['a list', [{ type: 'run' }]],
    ['no type', { profileId: 'senso' }],
    ['a type that is not a string', { type: 7 }],
    ['an unknown type', { type: 'selfDestruct' }],
    ['a prototype name', { type: '__proto__' }],
    ['an inherited name', { type: 'toString' }],
  ])('%s -> bad-request', (_name, message) => {
    expect(readRequest(message)).toMatchObject({ error: { code: 'bad-request', message: expect.any(String) } });
  });

  it('every known type is read as itself', () => {
    for (const type of REQUEST_TYPES) expect(readRequest({ type })).toMatchObject({ type });
  });
});

describe('10. deep nesting and a missing browser or namespace get named errors', () => {
  const nested = (depth: number) => JSON.parse(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`) as object;

  it('a 5000-level nested field is refused by name before anything recurses over it', () => {
    const input = profileWith([goodRule], { $comment: nested(5_000) });
    const { profile, errors } = validateProfile(input);
    expect(profile).toBeNull();
    expect(errors).toEqual([expect.objectContaining({ code: 'too-deep' })]);
    expect(parseRunRequest({ type: 'run', profile: input }, builtin)).toMatchObject({ error: { code: 'invalid-profile' } });
    // What used to happen on the way to the extension:
    expect(() => JSON.stringify(input)).toThrow(/call stack/);
  });

  it('ordinary nesting (a $comment object or two) is fine', () => {
    expect(validateProfile(profileWith([goodRule], { $comment: nested(MAX_DEPTH - 4) })).profile).not.toBeNull();
  });

  it('a missing namespace and a missing browser are named', async () => {
    expect(await launchProblem({ netns: 'w20-no-such-namespace' })).toMatch(/no network namespace w20-no-such-namespace/);
    expect(await launchProblem({ chromium: '/nonexistent/chromium' })).toMatch(/no browser to run at \/nonexistent\/chromium/);
    expect(await launchProblem({ netns: '../../etc' })).toMatch(/may only hold/);
  });
});

describe('11. hosts in the user network: origin only, and listed before the first run', () => {
  const profile = validateProfile(
    profileWith([
      goodRule,
      { id: 'router', kind: 'https', purpose: 'Router', url: 'https://192.168.1.1/cgi-bin/reboot?confirm=1' },
      { id: 'nas', kind: 'wss', purpose: 'NAS', url: 'wss://nas.local:8443/api/delete?all=1' },
      { id: 'v6', kind: 'https', purpose: 'Loopback', url: 'https://[::1]:9000/shutdown' },
      { id: 'scan', kind: 'turn', purpose: 'Scan', urls: ['turn:10.0.0.1:22?transport=tcp', 'turn:turn.example.org:3478'] },
      { id: 'lan', kind: 'tcp', purpose: 'LAN', hosts: ['172.16.0.0/12', 'public.example.org'], ports: [443] },
    ]),
  ).profile!;

  it('never requests a path or query on them', () => {
    const urls = planChecks(profile).flatMap((c) => (c.type === 'fetch' || c.type === 'wss' ? [localProbe(c).url] : []));
    expect(urls).toEqual(['https://app.example.org/', 'https://192.168.1.1/', 'wss://nas.local:8443/', 'https://[::1]:9000/', 'https://public.example.org/']);
    expect(probeUrl('https://app.example.org/path?q=1')).toBe('https://app.example.org/path?q=1');
  });

  it('lists them, with port and transport', () => {
    expect(localTargets(profile)).toEqual([
      { ruleId: 'router', target: '192.168.1.1:443 (TCP)' },
      { ruleId: 'nas', target: 'nas.local:8443 (TCP)' },
      { ruleId: 'v6', target: '[::1]:9000 (TCP)' },
      { ruleId: 'scan', target: '10.0.0.1:22 (TCP)' },
      { ruleId: 'lan', target: '172.16.0.0/12 (TCP 443)' },
    ]);
    expect(localTargets(validateProfile(example).profile!)).toEqual([]);
  });
});

describe('12. ticket text: profile text cannot add Markdown', () => {
  const hostile = validateProfile({
    id: 'p',
    name: '![tracker](https://evil.example/p.png) <img src=x onerror=alert(1)> [click](https://evil.example)',
    version: '1\n# Owned',
    rules: [
      { id: 'r', kind: 'https', purpose: 'App\n```\n# Injected heading\n```\n**bold** _x_ |table|', url: 'https://app.example.org/' },
      { id: 's', kind: 'https', purpose: 'Other ```` four', url: 'https://b.example.org/', required: false },
    ],
  }).profile!;
  const text = renderTicketText(simulatedReport(hostile, { outcome: 1 }), t);
  const lines = text.split('\n');
  /** The lines outside fenced code, read as CommonMark does: a fence closes only on a line of at least as many backticks. */
  const outsideFences: string[] = [];
  let open = 0;
  for (const line of lines) {
    const fence = /^(`{3,})$/.exec(line)?.[1]?.length ?? 0;
    if (open === 0 && fence > 0) open = fence;
    else if (open > 0 && fence >= open) open = 0;
    else if (open === 0) outsideFences.push(line);
  }

  it('links, images and HTML are escaped', () => {
    expect(text).not.toMatch(/(^|[^\\])!\[/);
    expect(text).not.toMatch(/(^|[^\\])\[click\]/);
    expect(text).not.toMatch(/(^|[^\\])<img/);
    expect(text).toContain('!\\[tracker\\](https://evil.example/p.png)');
  });

  it('no line break from a profile starts a block; only our headings are headings', () => {
    expect(open).toBe(0);
    // The profile's words may sit inside one of our lines (escaped), never start a line of their own.
    expect(outsideFences.filter((l) => /^[#>*_-]*\s*(Owned|Injected)/.test(l))).toEqual([]);
    expect(outsideFences.filter((l) => /^#+ /.test(l)).map((l) => l.replace(/^#+ /, ''))).not.toContainEqual(expect.stringMatching(/^(# )?(Owned|Injected)/));
  });

  it('a rule text with backticks sits in a longer fence it cannot close', () => {
    const fences = lines.filter((l) => /^`{3,}$/.test(l));
    expect(fences.length % 2).toBe(0);
    expect(fences).toContain('`````');
  });
});
