import { execFile } from 'node:child_process';
import { inEnglish } from '../../src/i18n/english';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { exitStatusOf } from '../../cli/args';
import { firefoxExtensionCopy, launchFirefoxWithExtension, sendFromFirefoxPage, type FirefoxExtensionBrowser } from '../../cli/launch-firefox';
import { isMdnsName } from '../../src/ice/address';
import type { Report } from '../../src/report/types';
import type { SettingsView } from '../../src/settings/types';
import { GECKO_ID } from '../../build/firefox-manifest';
import { LAB, LAB_HOSTS, REFERENCE_STUN_RULE, TURN_CREDENTIALS, startLab, type Lab } from '../lab/lab';
import { makeTrustedCa, startProxy, type LabProxy, type ProxyShape } from '../lab/proxy';
import { LAB_ORIGINS, labProfile } from './lab-profile';
import { causesAgainst, expectedVerdict, forwardRules, natMode, oracleProfile, specName, type NetworkSpec } from './network-oracle';
import { proxyProfile } from './proxy-profile';
import { popupShown } from '../support/popup';
import { POPUP_COPY_KEY } from '../../src/contract/popup-copy';

/**
 * Issue 18: the same extension, built for Firefox (dist-firefox/), in Debian's
 * firefox-esr driven over WebDriver BiDi, in the same lab, judged by the same
 * oracle as Chromium (network-oracle.ts): open, symmetric NAT, UDP blocked,
 * only TCP 443, everything blocked; then behind the lab's squid, a proxy that
 * asks for credentials and one that intercepts TLS with a CA this device
 * trusts, which Firefox (and only Firefox) can name. One lab, two browser
 * sessions (direct, then proxied), so the suite stays small.
 */
const DEADLINE_MS = 3_000;
const PROXY_PORT = 3128;
const LAB_CA = 'WebRTC Network Check lab CA';
const FILTER_CA = 'School IT inspecting filter CA';

let lab: Lab;
let scratch: string;
let extension: { dir: string; remove(): Promise<void> };
let filterCa: { cert: string; key: string };
const timings: Record<string, number> = {};

beforeAll(async () => {
  lab = await startLab();
  scratch = await mkdtemp(join(tmpdir(), 'wnc-firefox-test-'));
  // The CA file only: Firefox trusts it through its own profile (launchFirefoxWithExtension's trustedCas).
  filterCa = await makeTrustedCa(scratch, lab.chromiumHome);
  extension = await firefoxExtensionCopy([...LAB_ORIGINS, 'wss://*.lab.test/*']);
});

afterAll(async () => {
  console.log(`Firefox time to verdict (report.durationMs): ${JSON.stringify(timings)}`);
  await extension?.remove();
  if (scratch) await rm(scratch, { recursive: true, force: true });
  await lab?.stop();
});

async function runIn(page: Page, name: string, profile: object): Promise<Report> {
  const reply = await sendFromFirefoxPage<Report | { error: unknown }>(page, { type: 'run', profile, options: { deadlineMs: DEADLINE_MS } });
  if ('error' in reply) throw new Error(`run failed: ${JSON.stringify(reply.error)}`);
  await mkdir('test-results/firefox', { recursive: true });
  await writeFile(`test-results/firefox/${name}.json`, JSON.stringify(reply, null, 2));
  timings[name] = reply.durationMs;
  return reply;
}

interface RawEvent {
  event: string;
  statusCode?: number;
  error?: string;
  isProxy?: boolean;
  challenger?: { host: string; port: number };
  proxyInfo?: { host: string; port: number; type: string } | null;
}

/** Every webRequest event Firefox shows an extension page for one fetch, as recorded evidence (test/fixtures/firefox-153.json). */
function captureEvents(page: Page, url: string): Promise<RawEvent[]> {
  return page.evaluate(async (u) => {
    type Ev = { addListener(l: unknown, f: unknown, s?: string[]): void; removeListener(l: unknown): void };
    const wr = (globalThis as unknown as { browser: { webRequest: Record<string, Ev> } }).browser.webRequest;
    const events: RawEvent[] = [];
    const names = ['onBeforeRequest', 'onHeadersReceived', 'onAuthRequired', 'onResponseStarted', 'onCompleted', 'onErrorOccurred'];
    const listeners = names.map((n) => {
      const l = (d: Record<string, unknown>) => {
        if (d.url !== u) return undefined;
        const keep: Record<string, unknown> = { event: n };
        for (const key of ['statusCode', 'error', 'isProxy', 'challenger']) if (d[key] !== undefined) keep[key] = d[key];
        const info = d.proxyInfo as { host: string; port: number; type: string } | null | undefined;
        if (info !== undefined) keep.proxyInfo = info ? { host: info.host, port: info.port, type: info.type } : null;
        events.push(keep as unknown as RawEvent);
        return undefined;
      };
      wr[n]!.addListener(l, { urls: ['<all_urls>'] });
      return [n, l] as const;
    });
    await new Promise((r) => setTimeout(r, 250));
    const outcome = await fetch(u, { cache: 'no-store', mode: 'no-cors', signal: AbortSignal.timeout(3_000) }).then(
      (r) => `response ${r.status} ${r.type}`,
      (e: Error) => `rejected ${e.name}: ${e.message}`,
    );
    await new Promise((r) => setTimeout(r, 300));
    for (const [n, l] of listeners) wr[n]!.removeListener(l);
    events.push({ event: `outcome: ${outcome}` });
    return events;
  }, url);
}

describe('Firefox in the lab, direct: the oracle’s verdicts', () => {
  let ff: FirefoxExtensionBrowser;
  let page: Page;
  beforeAll(async () => {
    ff = await launchFirefoxWithExtension({ netns: lab.topology.lan, extensionDir: extension.dir, trustedCas: [lab.certs.caCert] });
    page = await ff.openPage('popup/index.html');
  });
  afterAll(async () => {
    await ff?.close();
    await lab.topology.clearForwardRules();
    await lab.topology.setNatMode('masquerade');
  });

  const specs: [string, NetworkSpec][] = [
    ['open', { nat: 'endpoint-independent', udp: 'all', tcp: 'all', servers: 'two-ports' }],
    ['symmetric NAT', { nat: 'symmetric', udp: 'all', tcp: 'all', servers: 'two-ports' }],
    ['UDP blocked', { nat: 'endpoint-independent', udp: 'none', tcp: 'all', servers: 'two-ports' }],
    ['only TCP 443', { nat: 'endpoint-independent', udp: 'none', tcp: 'only-443', servers: 'two-ports' }],
    ['everything blocked', { nat: 'endpoint-independent', udp: 'none', tcp: 'none', servers: 'two-ports' }],
  ];

  it.each(specs)('%s', async (name, spec) => {
    await lab.topology.clearForwardRules();
    await lab.topology.setNatMode(natMode(spec));
    for (const rule of forwardRules(spec)) await lab.topology.forwardRule(rule);
    const report = await runIn(page, name.replace(/ /g, '-'), oracleProfile(spec));
    expect(
      {
        route: report.verdict.route,
        routeVerified: report.verdict.routeVerified,
        mapping: report.nat.mapping,
        holePunching: report.verdict.methods.find((m) => m.method === 'hole-punching')!.status,
        checks: Object.fromEntries(report.checks.map((c) => [`${c.ruleId} ${c.target}`, c.reason ? `${c.status}/${c.reason}` : c.status])),
        missingRules: report.missingRules.map((r) => r.ruleId),
        exitStatus: exitStatusOf(report),
        causes: causesAgainst(report, expectedVerdict(spec).causes),
      },
      specName(spec),
    ).toEqual(expectedVerdict(spec));
    expect(report.verdict.device).toBe('online');
    expect(report.environment.browser?.name).toBe('Firefox');
    expect(JSON.stringify(report)).not.toContain(TURN_CREDENTIALS.credential);
    // Firefox's background page sees mDNS names, never the LAN address: the LAN reading says "hidden".
    const hosts = report.candidates.filter((c) => c.type === 'host');
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.every((c) => c.address !== null && isMdnsName(c.address))).toBe(true);
    expect(JSON.stringify(report.verdict)).not.toContain(LAB.lanAddress);
    const lan = report.verdict.methods.find((m) => m.method === 'lan')!;
    expect(lan.reasons.map(inEnglish).join(' ')).toContain('(hidden)');
    expect(lan.reasons.map(inEnglish).join(' ')).not.toMatch(/\.local/);
    // Firefox shows certificates: the lab's own CA is one this profile added, and the report says so.
    expect(report.tls?.certificatesVisible).toBe(true);
    const webAnswered = report.checks.find((c) => c.ruleId === 'app')!.status === 'pass';
    expect(report.tls?.privateRoots).toEqual(webAnswered ? [{ checkId: 'app#1', host: LAB_HOSTS.web, issuer: LAB_CA, root: LAB_CA }] : []);
  });

  it('shows the last report in the popup, as in Chromium', async () => {
    // Asked through the worker, which answers once the last run's report is written (and the popup's copy removed).
    const stored = await sendFromFirefoxPage<Report>(page, { type: 'getLastReport' });
    const popup = await ff.openPage('popup/index.html');
    await popupShown(popup);
    const route = await popup.evaluate(() => document.querySelector('[data-testid="headline"]')?.getAttribute('data-route'));
    // The last run above: everything blocked.
    expect(route).toBe(expectedVerdict(specs.at(-1)![1]).route);
    await mkdir('test-results/screenshots', { recursive: true });
    await popup.screenshot({ path: 'test-results/screenshots/popup-firefox.png' });
    // It kept a copy of itself (src/contract/popup-copy.ts), which the next opening paints before any module loads.
    await popup.waitForFunction((key) => localStorage.getItem(key) !== null, {}, POPUP_COPY_KEY);
    // Firefox too puts the messages' language into popup.css (the copy's language guard).
    expect(await popup.evaluate((key) => (JSON.parse(localStorage.getItem(key)!) as { lang: string }).lang, POPUP_COPY_KEY)).toMatch(/^["']en["']$/);
    await popup.close();
    const again = await ff.openPage('popup/index.html');
    await popupShown(again);
    expect(await again.evaluate(() => document.body.dataset.paintedFromCopy ?? null)).toBe(stored.startedAt);
    await again.close();
    // A run with no popup open: the event page removes the copy once the new report is stored.
    await page.close();
    const options = await ff.openPage('popup/options/index.html');
    await sendFromFirefoxPage<Report>(options, { type: 'run', profile: oracleProfile(specs.at(-1)![1]), options: { deadlineMs: 2_000 } });
    await options.waitForFunction((key) => localStorage.getItem(key) === null, { timeout: 10_000 }, POPUP_COPY_KEY);
    await options.close();
  });
});

describe('Firefox’s WebRTC IP handling setting binds the extension too: read, explained, and its effect put down to the browser', () => {
  const open: NetworkSpec = { nat: 'endpoint-independent', udp: 'all', tcp: 'all', servers: 'two-ports' };
  beforeAll(async () => {
    await lab.topology.clearForwardRules();
    await lab.topology.setNatMode('masquerade');
  });

  async function runWith(name: string, prefs: Record<string, unknown>): Promise<Report> {
    const ff = await launchFirefoxWithExtension({ netns: lab.topology.lan, extensionDir: extension.dir, trustedCas: [lab.certs.caCert], prefs });
    try {
      return await runIn(await ff.openPage('popup/index.html'), name, oracleProfile(open));
    } finally {
      await ff.close();
    }
  }

  it('proxy_only with no proxy: no STUN/TURN route, the browser named as the cause, no firewall rule asked for', async () => {
    // about:config's media.peerconnection.ice.proxy_only is what privacy.network.webRTCIPHandlingPolicy reads as proxy_only.
    const report = await runWith('webrtc-proxy-only', { 'media.peerconnection.ice.proxy_only': true });
    expect(report.environment.webRtcIpHandling).toMatchObject({ value: 'proxy_only', limitsWebApps: true, bindsChecks: true });
    expect(report.verdict.device).toBe('online');
    expect(report.verdict.route).toBe('none');
    const ice = report.checks.filter((c) => c.kind === 'stun' || c.kind === 'turn');
    expect(ice.length).toBeGreaterThan(0);
    expect(ice.every((c) => c.status === 'fail')).toBe(true);
    expect(report.missingRules).toEqual([]);
    expect(
      report.otherCauses
        .find((c) => c.cause === 'this-device')
        ?.rules.map((r) => r.ruleId)
        .sort(),
    ).toEqual(['reference', 'stun', 'turn-tcp', 'turn-tls', 'turn-udp']);
    expect(report.checks.find((c) => c.ruleId === 'app')?.status).toBe('pass');
  });

  it('no local addresses for WebRTC (default_public_interface_only): LAN unavailable, every other route as on the open network', async () => {
    const report = await runWith('webrtc-no-host', { 'media.peerconnection.ice.default_address_only': true, 'media.peerconnection.ice.no_host': true });
    expect(report.environment.webRtcIpHandling).toMatchObject({ value: 'default_public_interface_only', bindsChecks: true });
    expect(report.candidates.filter((c) => c.type === 'host')).toEqual([]);
    expect(report.verdict.device).toBe('online');
    expect(report.verdict.methods.find((m) => m.method === 'lan')).toMatchObject({ status: 'unavailable', rowId: 'lan.no-host' });
    const want = expectedVerdict(open);
    expect({ route: report.verdict.route, mapping: report.nat.mapping, missingRules: report.missingRules.map((r) => r.ruleId) }).toEqual({
      route: want.route,
      mapping: want.mapping,
      missingRules: want.missingRules,
    });
  });
});

describe('Firefox without host access for the lab (the build as shipped: a user who revoked it, or a custom profile)', () => {
  it('passes the hosts that answered, fails the others, and says what it could not see (host-access.test.ts’s oracle)', async () => {
    await lab.topology.clearForwardRules();
    await lab.topology.setNatMode('masquerade');
    const bare = await firefoxExtensionCopy([]);
    const ff = await launchFirefoxWithExtension({ netns: lab.topology.lan, extensionDir: bare.dir, trustedCas: [lab.certs.caCert] });
    try {
      const page = await ff.openPage('popup/index.html');
      const granted = await page.evaluate(() =>
        (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({ origins: ['https://web.lab.test/*'] }),
      );
      expect(granted).toBe(false);
      const report = await runIn(page, 'no-host-access', labProfile());
      const outcome = (ruleId: string) => {
        const c = report.checks.find((check) => check.ruleId === ruleId);
        return c ? (c.reason ? `${c.status}/${c.reason}` : c.status) : 'missing';
      };
      // Ground truth from the lab's construction (test/lab/lab.ts), as in host-access.test.ts.
      expect({ https: outcome('https'), wss: outcome('wss'), 'wss-stripped': outcome('wss-stripped'), 'https-silent': outcome('https-silent') }).toEqual({
        https: 'pass',
        wss: 'pass',
        'wss-stripped': 'fail/upgrade-refused',
        'https-silent': 'fail/timeout',
      });
      for (const rule of ['https-closed', 'https-dns', 'https-rogue']) {
        const check = report.checks.find((c) => c.ruleId === rule)!;
        expect(check.status, rule).toBe('fail');
        expect(inEnglish(check.detail), rule).toMatch(/without host access/);
      }
      expect(inEnglish(report.checks.find((c) => c.ruleId === 'https')!.detail)).toMatch(/without host access/);
      expect(report.missingRules.map((r) => r.ruleId)).not.toEqual(expect.arrayContaining(['https']));
      // Without host access Firefox shows no certificate either: nothing is named, nothing is claimed.
      expect(report.tls?.privateRoots).toEqual([]);
    } finally {
      await ff.close();
      await bare.remove();
    }
  });
});

describe('npm run check -- --browser firefox', () => {
  it('runs the Firefox build in Firefox in the lab and exits with the oracle’s status', async () => {
    await lab.topology.clearForwardRules();
    await lab.topology.setNatMode('masquerade');
    const spec: NetworkSpec = { nat: 'endpoint-independent', udp: 'all', tcp: 'all', servers: 'two-ports' };
    const profileFile = join(scratch, 'cli-profile.json');
    // Without the rules over TLS: the CLI's fresh Firefox profile does not trust the lab's CA (on this
    // open network the oracle passes those rules, so the expected route and exit status stay the same).
    const profile = oracleProfile(spec);
    const overTls = (r: (typeof profile.rules)[number]) => r.kind === 'https' || (r.urls ?? []).some((u) => u.startsWith('turns:'));
    await writeFile(profileFile, JSON.stringify({ ...profile, rules: profile.rules.filter((r) => !overTls(r)) }));
    const cli = resolve(import.meta.dirname, '../../dist-cli/check.mjs');
    const args = [cli, '--browser', 'firefox', '--netns', lab.topology.lan, '--profile-file', profileFile, '--format', 'json', '--deadline', '3000'];
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      execFile(process.execPath, args, { timeout: 90_000 }, (error, out, err) =>
        done({ code: error ? Number(error.code ?? 70) : 0, stdout: out, stderr: err }),
      );
    });
    await writeFile('test-results/firefox/cli.json', stdout);
    expect(stderr).toContain('in Firefox');
    const report = JSON.parse(stdout) as Report;
    expect(report.environment.browser?.name).toBe('Firefox');
    expect(report.verdict.route).toBe(expectedVerdict(spec).route);
    expect(code).toBe(expectedVerdict(spec).exitStatus);
  });
});

describe('Firefox in the lab behind an explicit proxy (squid), the only way out for TCP', () => {
  let ff: FirefoxExtensionBrowser;
  let page: Page;
  let proxy: LabProxy | undefined;
  const startSquid = async (shape: ProxyShape) => {
    await proxy?.stop();
    proxy = await startProxy({
      ns: lab.topology.nat,
      listenAddress: LAB.routerLanAddress,
      port: PROXY_PORT,
      shape,
      hosts: { [LAB_HOSTS.web]: LAB.webAddress, [LAB_HOSTS.turn]: LAB.turnAddresses[0], [LAB_HOSTS.rogue]: LAB.rogueAddress },
      labNetwork: '203.0.113.0/24',
      upstreamCa: lab.certs.caCert,
    });
  };
  beforeAll(async () => {
    await lab.topology.clearForwardRules();
    await lab.topology.forwardRule(['-i', 'inside', '-o', 'outside', '-p', 'tcp', '-j', 'DROP']);
    ff = await launchFirefoxWithExtension({
      netns: lab.topology.lan,
      extensionDir: extension.dir,
      trustedCas: [lab.certs.caCert, filterCa.cert],
      prefs: {
        'network.proxy.type': 1,
        'network.proxy.http': LAB.routerLanAddress,
        'network.proxy.http_port': PROXY_PORT,
        'network.proxy.ssl': LAB.routerLanAddress,
        'network.proxy.ssl_port': PROXY_PORT,
        'network.proxy.no_proxies_on': '',
      },
    });
    page = await ff.openPage('popup/index.html');
  });
  afterAll(async () => {
    await ff?.close();
    await proxy?.stop();
    await lab.topology.clearForwardRules();
  });

  function summary(report: Report) {
    return {
      route: report.verdict.route,
      // The reference STUN server (UDP, never through the proxy) is left out, as in proxy.test.ts.
      checks: Object.fromEntries(
        report.checks
          .filter((c) => c.ruleId !== 'stun' && c.ruleId !== REFERENCE_STUN_RULE.id)
          .map((c) => [c.ruleId, c.reason ? `${c.status}/${c.reason}` : c.status]),
      ),
      missing: report.missingRules.map((r) => r.ruleId).filter((id) => id !== REFERENCE_STUN_RULE.id),
      causes: Object.fromEntries(report.otherCauses.map((c) => [c.cause, c.rules.map((r) => r.ruleId).filter((id) => id !== REFERENCE_STUN_RULE.id)])),
    };
  }

  it('asking for credentials: every HTTPS and WSS rule fails as proxy-auth, the proxy named', async () => {
    await startSquid({ kind: 'auth' });
    const report = await runIn(page, 'proxy-auth', proxyProfile());
    // The same verdict as Chromium's (proxy.test.ts): Firefox tunnels TURN over TCP/TLS through the
    // proxy too (Squid logs the CONNECT), but met with the 407 WebRTC reports nothing, so those
    // checks end at the deadline where Chromium says 701; the cause is the proxy either way.
    expect(summary(report)).toEqual({
      route: 'hole-punching',
      checks: {
        'turn-udp': 'pass',
        'turn-tcp': 'fail/timeout',
        'turn-tls': 'fail/timeout',
        https: 'fail/proxy-auth',
        wss: 'fail/proxy-auth',
        'https-api': 'fail/proxy-auth',
      },
      missing: [],
      causes: { proxy: ['turn-tcp', 'turn-tls', 'https', 'wss', 'https-api'] },
    });
    expect(report.proxy).toMatchObject({ inUse: true, address: `${LAB.routerLanAddress}:${PROXY_PORT}` });
  });

  it('intercepting TLS with a CA this device trusts: HTTPS passes, and the report names the intercepting issuer', async () => {
    await startSquid({ kind: 'bump', ca: filterCa, upgrades: true });
    const report = await runIn(page, 'proxy-bump-trusted', proxyProfile());
    const events = await captureEvents(page, `https://${LAB_HOSTS.web}/`);
    await writeFile('test-results/firefox/events-proxy-bump.json', JSON.stringify({ events, accessLog: await proxy!.accessLog() }, null, 2));
    expect(summary(report)).toEqual({
      route: 'hole-punching',
      checks: {
        'turn-udp': 'pass',
        // The proxy expects TLS then HTTP inside every CONNECT: TURN's own bytes break both (as in Chromium).
        'turn-tcp': 'fail/refused',
        'turn-tls': 'fail/timeout',
        https: 'pass',
        wss: 'pass',
        'https-api': 'pass',
      },
      // The answers came from the proxy's address (as in Chromium): TURN over TCP/TLS goes through it, and it refuses.
      missing: [],
      causes: { proxy: ['turn-tcp', 'turn-tls'] },
    });
    // Every request names the proxy it went through (Firefox's proxyInfo).
    expect(events.find((e) => e.event === 'onHeadersReceived')).toMatchObject({ statusCode: 204, proxyInfo: { host: LAB.routerLanAddress, port: PROXY_PORT } });
    expect(report.tls).toEqual({
      certificatesVisible: true,
      privateRoots: [
        { checkId: 'https#1', host: LAB_HOSTS.web, issuer: FILTER_CA, root: FILTER_CA },
        { checkId: 'https-api#1', host: `${LAB_HOSTS.web}:8443`, issuer: FILTER_CA, root: FILTER_CA },
      ],
    });
    expect(inEnglish(report.checks.find((c) => c.ruleId === 'https')!.detail)).toContain(`issued by “${FILTER_CA}”`);
    // The proxy really decrypted: it logged the request line it could only see inside TLS.
    expect(await proxy!.accessLog()).toMatch(/GET https:\/\/web\.lab\.test\//);
  });
});

describe('Firefox with a policies.json: force-installed, the lab profile pushed, a start-up run with no user action', () => {
  let ff: FirefoxExtensionBrowser;
  let page: Page;
  let xpiDir: string;
  beforeAll(async () => {
    await lab.topology.clearForwardRules();
    xpiDir = await mkdtemp(join(tmpdir(), 'wnc-xpi-'));
    const xpi = join(xpiDir, 'webrtc-network-check.xpi');
    await promisify(execFile)('zip', ['-qr', xpi, '.'], { cwd: extension.dir });
    ff = await launchFirefoxWithExtension({
      netns: lab.topology.lan,
      trustedCas: [lab.certs.caCert],
      install: false,
      // An unsigned build: ESR honours this pref (release Firefox does not); a signed .xpi needs nothing.
      prefs: { 'xpinstall.signatures.required': false },
      policy: { target: FIREFOX_POLICY_DIR, json: firefoxPolicy(`file://${xpi}`) },
    });
    page = await poll(
      'the force-installed extension',
      () => ff.openPage('popup/index.html').catch(() => null),
      (p) => p !== null,
      30_000,
    ).then((p) => p!);
  });
  afterAll(async () => {
    await ff?.close();
    if (xpiDir) await rm(xpiDir, { recursive: true, force: true });
  });

  it('reads the policy, locks the profile and runs at start-up by itself', async () => {
    const view = await poll(
      'policy in getSettings',
      () => sendFromFirefoxPage<SettingsView>(page, { type: 'getSettings' }),
      (v) => v.managed,
      20_000,
    );
    expect(view.effective).toMatchObject({ profileId: 'lab', deadlineMs: DEADLINE_MS, runOnStartup: true });
    expect(view.locked).toEqual(expect.arrayContaining(['profileId', 'deadlineMs', 'runOnStartup']));
    // Nothing here asks for a run: the report is the extension's own, from the policy.
    const report = await poll(
      'a start-up report',
      () => sendFromFirefoxPage<Report | null>(page, { type: 'getLastReport' }),
      (r) => r?.trigger === 'startup',
      60_000,
    ).then((r) => r!);
    await writeFile('test-results/firefox/policy-startup.json', JSON.stringify(report, null, 2));
    expect(report.profile.id).toBe('lab');
    expect(report.environment.policy.managed).toBe(true);
    expect(report.verdict.route).toBe('hole-punching');
    expect(JSON.stringify(report)).not.toContain(TURN_CREDENTIALS.credential);
  });
});

/** Debian's firefox-esr reads policies.json here (measured: docs/measured.md). */
const FIREFOX_POLICY_DIR = '/etc/firefox/policies';

function firefoxPolicy(installUrl: string) {
  return {
    policies: {
      ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: installUrl } },
      '3rdparty': {
        Extensions: {
          [GECKO_ID]: { profileId: 'lab', customProfile: labProfile(), lockProfile: true, deadlineMs: DEADLINE_MS, runOnStartup: true },
        },
      },
    },
  };
}

async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms; last value ${JSON.stringify(value ?? null).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
