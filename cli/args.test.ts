import { describe, expect, it } from 'vitest';
import { exitStatusOf, parseCheckArgs } from './args';

describe('parseCheckArgs', () => {
  it('reads a built-in profile with region, options and format', () => {
    const parsed = parseCheckArgs(['--profile', 'onsight', '--region=eu', '--option', 'connection=legacy', '--format', 'json', '--deadline', '3000']);
    expect(parsed).toEqual({
      ok: true,
      args: expect.objectContaining({
        profileId: 'onsight',
        region: 'eu',
        choices: { connection: 'legacy' },
        format: 'json',
        deadlineMs: 3000,
        profileFile: null,
      }),
    });
  });

  it('defaults to ticket text and the system Chromium', () => {
    const parsed = parseCheckArgs(['--profile-file', 'my.json']);
    expect(parsed.ok && parsed.args).toMatchObject({
      format: 'text',
      browser: 'chromium',
      chromium: '/usr/bin/chromium',
      profileFile: 'my.json',
      redactIps: null,
    });
  });

  it('takes --browser firefox, with Debian’s firefox-esr unless --firefox names another', () => {
    expect(parseCheckArgs(['--profile', 'senso', '--browser', 'firefox'])).toMatchObject({
      ok: true,
      args: { browser: 'firefox', firefox: '/usr/bin/firefox-esr' },
    });
    expect(parseCheckArgs(['--profile', 'senso', '--browser=firefox', '--firefox', '/opt/ff/firefox'])).toMatchObject({
      ok: true,
      args: { browser: 'firefox', firefox: '/opt/ff/firefox' },
    });
  });

  it.each([
    [[], 'exactly one of --profile'],
    [['--profile', 'senso', '--profile-file', 'x.json'], 'exactly one of --profile'],
    [['--profile'], '--profile needs a value'],
    [['--profile', 'senso', '--format', 'pdf'], '--format must be text or json, got "pdf"'],
    [['--profile', 'senso', '--deadline', '10'], '--deadline must be whole milliseconds'],
    [['--profile', 'senso', '--option', 'legacy'], '--option takes name=value'],
    [['--profile', 'senso', '--netns', 'a b'], 'is not a namespace name'],
    [['--profile', 'senso', '--browser', 'safari'], '--browser must be chromium or firefox, got "safari"'],
    [['--profile', 'senso', '--verbose'], 'unknown argument "--verbose"'],
    [['--profile-file', 'x.json', '--option', 'a=b'], 'built-in profiles only'],
  ])('refuses %j with a message naming the problem', (argv, message) => {
    const parsed = parseCheckArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain(message);
  });
});

describe('exitStatusOf', () => {
  it('is 2 without a route, 1 with missing rules, 0 otherwise', () => {
    expect(exitStatusOf({ verdict: { route: 'none' }, missingRules: [{}] })).toBe(2);
    expect(exitStatusOf({ verdict: { route: 'relay-tcp' }, missingRules: [{}] })).toBe(1);
    expect(exitStatusOf({ verdict: { route: 'hole-punching' }, missingRules: [] })).toBe(0);
  });

  it('counts every cause, not only firewall rules, and a blocked required service', () => {
    expect(exitStatusOf({ verdict: { route: 'hole-punching' }, missingRules: [], otherCauses: [{ rules: [{}] }], outcome: { tone: 'good' } })).toBe(1);
    expect(exitStatusOf({ verdict: { route: 'hole-punching' }, missingRules: [], otherCauses: [], outcome: { tone: 'limited' } })).toBe(1);
    expect(exitStatusOf({ verdict: { route: 'none' }, missingRules: [], otherCauses: [], outcome: { tone: 'untested' } })).toBe(2);
    expect(exitStatusOf({ verdict: { route: 'hole-punching' }, missingRules: [], otherCauses: [], outcome: { tone: 'good' } })).toBe(0);
  });
});
