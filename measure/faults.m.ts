/**
 * One-off measurements behind /work/briefs/lab-measurements.md (issue 24): what
 * Chromium and the built extension show for each fault class, with a raw
 * webRequest logger in the service worker and plain RTCPeerConnection probes.
 * Not part of any suite; run as root with a build:
 *   WNC_LAB_PREFIX=fl- npx vitest run --config measure/vitest.config.ts [-t name]
 * Writes /tmp/fl-measure/summary.md and one report per network.
 */
import { mkdir, writeFile, appendFile } from 'node:fs/promises';
import { afterAll, beforeAll, it } from 'vitest';
import { LAB, TURN_CREDENTIALS } from '../test/lab/lab';
import { inNetns } from '../test/lab/exec';
import { FAULT_LAB, startFaultServers, REACH_PROBE, type FaultServers } from '../test/lab/fault-lab';
import { startLabBrowser, type LabBrowser } from '../test/support/lab-browser';
import type { Report } from '../src/report/types';

/** The webRequest detail fields logged (onErrorOccurred, onResponseStarted, onCompleted). */
interface Logged {
  url: string;
  ip?: string;
  error?: string;
  statusCode?: number;
}

let lb: LabBrowser;
let fs: FaultServers;
const OUT = '/tmp/fl-measure';
let n = 0;
beforeAll(async () => {
  lb = await startLabBrowser();
  fs = await startFaultServers(lb.lab);
  await mkdir(OUT, { recursive: true });
  await lb.ext.worker.evaluate(() => {
    const g = globalThis as unknown as { __wr: unknown[] };
    g.__wr = [];
    const f = { urls: ['<all_urls>'] };
    const t0 = performance.now();
    for (const ev of ['onErrorOccurred', 'onResponseStarted', 'onCompleted'] as const) {
      (chrome.webRequest[ev] as chrome.webRequest.WebRequestEvent<(d: Logged) => void, string[]>).addListener((d: Logged) => {
        g.__wr.push({ ev, url: d.url, ip: d.ip ?? '(absent)', error: d.error, status: d.statusCode, ms: Math.round(performance.now() - t0) });
      }, f);
    }
  });
});
afterAll(async () => {
  await fs?.stop();
  await lb?.stop();
});

interface Net {
  name: string;
  answers: Record<string, string>;
  forward?: string[][];
  prerouting?: string[][];
  server?: string[][];
  turnUrl?: (k: string) => string[];
}

function names(k: number) {
  return { stun1: `stun1-${k}.lab.test`, stun2: `stun2-${k}.lab.test`, turn: `turn-${k}.lab.test`, app: `app-${k}.lab.test` };
}

function profile(k: number, turnsHost?: string) {
  const h = names(k);
  return {
    id: 'fault-measure',
    name: 'Fault measure',
    version: '1',
    rules: [
      { id: 'stun', kind: 'stun', purpose: 'Hole punching', urls: [`stun:${h.stun1}:3478`, `stun:${h.stun2}:19302`] },
      { id: 'turn-udp', kind: 'turn', purpose: 'Relay over UDP', urls: [`turn:${h.turn}:3478?transport=udp`], ...TURN_CREDENTIALS },
      { id: 'turn-tcp', kind: 'turn', purpose: 'Relay over TCP', urls: [`turn:${h.turn}:3478?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'turn-tls', kind: 'turn', purpose: 'Relay over TLS', urls: [`turns:${turnsHost ?? h.turn}:443?transport=tcp`], ...TURN_CREDENTIALS },
      { id: 'app', kind: 'https', purpose: 'Web app', url: `https://${h.app}/` },
    ],
  };
}

async function plainIce(urls: string[], creds: boolean, ms: number) {
  return lb.page.evaluate(
    async (urls, creds, ms, c) => {
      const t0 = performance.now();
      const pc = new RTCPeerConnection({ iceServers: [{ urls, ...(creds ? c : {}) }] });
      const out: string[] = [];
      pc.onicecandidate = (e) =>
        e.candidate &&
        out.push(
          `${Math.round(performance.now() - t0)}ms cand ${e.candidate.type} ${e.candidate.protocol} ${e.candidate.address}:${e.candidate.port} ${e.candidate.url ?? ''}`,
        );
      pc.onicecandidateerror = (e: RTCPeerConnectionIceErrorEvent) =>
        out.push(`${Math.round(performance.now() - t0)}ms err ${e.errorCode} "${e.errorText}" ${e.url} addr=${e.address} port=${e.port}`);
      pc.onicegatheringstatechange = () => out.push(`${Math.round(performance.now() - t0)}ms gathering ${pc.iceGatheringState}`);
      pc.createDataChannel('x');
      await pc.setLocalDescription(await pc.createOffer());
      await new Promise((r) => setTimeout(r, ms));
      pc.close();
      return out.filter((l) => !l.includes('cand host'));
    },
    urls,
    creds,
    ms,
    TURN_CREDENTIALS as never,
  );
}

/** Relay-only vs all-candidates data channel: how many 100 B and 1200 B messages arrive. */
async function bigMessages(turnUrl: string, ms: number) {
  return lb.page.evaluate(
    async (turnUrl, ms, c) => {
      const a = new RTCPeerConnection({ iceServers: [{ urls: [turnUrl], ...c }], iceTransportPolicy: 'relay' });
      const b = new RTCPeerConnection({ iceServers: [{ urls: [turnUrl], ...c }], iceTransportPolicy: 'relay' });
      a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate).catch(() => {});
      b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate).catch(() => {});
      const got: Record<number, number> = {};
      b.ondatachannel = (e) => (e.channel.onmessage = (m) => (got[(m.data as string).length] = (got[(m.data as string).length] ?? 0) + 1));
      const ch = a.createDataChannel('m', { ordered: false, maxRetransmits: 0 });
      await a.setLocalDescription(await a.createOffer());
      await b.setRemoteDescription(a.localDescription!);
      await b.setLocalDescription(await b.createAnswer());
      await a.setRemoteDescription(b.localDescription!);
      const t0 = performance.now();
      const opened = await new Promise<boolean>((r) => {
        ch.onopen = () => r(true);
        setTimeout(() => r(false), ms);
      });
      const openMs = Math.round(performance.now() - t0);
      if (opened) {
        for (let i = 0; i < 20; i++) ch.send('s'.repeat(100));
        for (let i = 0; i < 20; i++) ch.send('L'.repeat(1200));
        await new Promise((r) => setTimeout(r, 1500));
      }
      const state = `${a.iceConnectionState}/${a.connectionState}`;
      a.close();
      b.close();
      return { opened, openMs, got, state };
    },
    turnUrl,
    ms,
    TURN_CREDENTIALS as never,
  );
}

async function sh(ns: string, cmd: string, args: string[]) {
  return (await inNetns(ns, cmd, args).catch((e: Error) => `FAILED ${e.message}`)).trim();
}

async function measure(net: Net, extra?: (k: number) => Promise<Record<string, unknown>>) {
  const k = ++n;
  const h = names(k);
  const { topology } = lb.lab;
  await topology.clearForwardRules();
  await topology.setNatMode('masquerade');
  const answers: Record<string, string> = {};
  for (const [role, value] of Object.entries({ stun1: '203.0.113.10', stun2: '203.0.113.11', turn: '203.0.113.10', app: LAB.webAddress, ...net.answers }))
    answers[(h as Record<string, string>)[role]] = value;
  await fs.dns.set(answers);
  for (const r of net.forward ?? []) await topology.forwardRule(r);
  for (const r of net.prerouting ?? []) await topology.preroutingRule(r);
  for (const r of net.server ?? []) await topology.serverRule(r);
  const lan = topology.lan;
  const probes: Record<string, unknown> = {
    dig: await sh(lan, 'dig', ['+short', '+time=1', '+tries=1', h.turn]),
    s_client: await sh(lan, 'sh', [
      '-c',
      `echo | timeout 4 openssl s_client -connect ${h.app}:443 -servername ${h.app} 2>&1 | grep -E "subject=|issuer=|Verify return|connect:errno|Connection refused" | head -4`,
    ]),
    echo1200: await sh(lan, process.execPath, [REACH_PROBE, 'send', FAULT_LAB.reference, '40000', '1200', '1000']),
    echo100: await sh(lan, process.execPath, [REACH_PROBE, 'send', FAULT_LAB.reference, '40000', '100', '1000']),
  };
  await lb.ext.worker.evaluate(() => ((globalThis as unknown as { __wr: unknown[] }).__wr = []));
  const t0 = Date.now();
  const report: Report = await lb.run(profile(k, net.turnUrl ? net.turnUrl(k)[0] : undefined), 2000);
  const runMs = Date.now() - t0;
  const wr = (await lb.ext.worker.evaluate(() => (globalThis as unknown as { __wr: unknown[] }).__wr)) as {
    ev: string;
    url: string;
    ip: string;
    error?: string;
    status?: number;
    ms: number;
  }[];
  const more = extra ? await extra(k) : {};
  await writeFile(`${OUT}/${net.name}.json`, JSON.stringify(report, null, 2));
  const lines = [
    `## ${net.name}  (names -> ${JSON.stringify(net.answers)}; run ${runMs} ms)`,
    `probes: ${JSON.stringify(probes)}`,
    ...report.checks.map(
      (c) =>
        `check ${c.ruleId} ${c.target}: ${c.status}/${c.reason ?? '-'} cause=${c.cause} detail=${JSON.stringify(c.detail).slice(0, 200)} evidence=${JSON.stringify(c.evidence ?? null).slice(0, 400)}`,
    ),
    ...report.iceErrors.map((e) => `iceError ${e.gatheringId} ${e.url}: ${e.errorCode} "${e.errorText}" at ${e.atMs} ms addr=${e.address}`),
    ...report.loopbacks.map(
      (l) =>
        `loopback ${l.path} ${l.transport}: connected=${l.connected} sent=${l.sent} received=${l.received} pair=${JSON.stringify(l.selectedPair)} setup=${l.setupError}`,
    ),
    `route=${report.verdict.route} verified=${report.verdict.routeVerified} missingRules=${report.missingRules.map((r) => r.ruleId).join(',')} otherCauses=${report.otherCauses.map((c) => `${c.cause}:${c.rules.map((r) => r.ruleId)}`).join(' ')}`,
    ...wr
      .filter((w) => w.url.includes('lab.test'))
      .map((w) => `webRequest ${w.ev} ${w.url} ip=${w.ip} error=${w.error ?? '-'} status=${w.status ?? '-'} t=${w.ms}`),
    ...Object.entries(more).map(([key, v]) => `${key}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
    '',
  ];
  await appendFile(`${OUT}/summary.md`, lines.join('\n') + '\n');
}

const filter = process.env.M ?? '';
const nets: [Net, ((k: number) => Promise<Record<string, unknown>>)?][] = [
  [
    { name: 'baseline', answers: {} },
    async (k) => ({
      plainStunName: await plainIce([`stun:stun1-${k}.lab.test:3478`], false, 1500),
      bigRelayUdp: await bigMessages('turn:203.0.113.10:3478?transport=udp', 4000),
    }),
  ],
  ...(['0.0.0.0', '127.0.0.1', '10.20.30.40', FAULT_LAB.blockPage, 'NXDOMAIN'] as const).map((a): [Net, (k: number) => Promise<Record<string, unknown>>] => [
    { name: `dns-all-${a}`, answers: { stun1: a, stun2: a, turn: a, app: a } },
    async (k) => ({
      plainStun: await plainIce([`stun:stun1-${k}.lab.test:3478`], false, 3000),
      plainTurnUdp: await plainIce([`turn:turn-${k}.lab.test:3478?transport=udp`], true, 3000),
      plainTurnTcp: await plainIce([`turn:turn-${k}.lab.test:3478?transport=tcp`], true, 3000),
      plainTurns: await plainIce([`turns:turn-${k}.lab.test:443?transport=tcp`], true, 3000),
    }),
  ]),
  [{ name: 'app-wrong-name', answers: { app: FAULT_LAB.wrongName } }],
  [{ name: 'app-expired', answers: { app: FAULT_LAB.expired } }],
  [
    {
      name: 'transparent-inspection',
      answers: {},
      prerouting: [['-i', 'inside', '-p', 'tcp', '--dport', '443', '-j', 'DNAT', '--to-destination', `${FAULT_LAB.inspector}:443`]],
    },
  ],
  [{ name: 'turns-on-web-server', answers: {}, turnUrl: (k) => [`app-${k}.lab.test`] }],
  [
    { name: 'turn-denied-peer', answers: { turn: FAULT_LAB.turnDenied } },
    async () => ({ bigRelayUdp: await bigMessages(`turn:${FAULT_LAB.turnDenied}:3478?transport=udp`, 4000) }),
  ],
  [{ name: 'turn-quota', answers: { turn: FAULT_LAB.turnQuota } }],
  [{ name: 'relay-ports-closed-at-server', answers: {}, server: [['-i', 'srv0', '-d', '203.0.113.10', '-p', 'udp', '--dport', '49152:49999', '-j', 'DROP']] }],
  [{ name: 'dead-second-stun', answers: { stun2: FAULT_LAB.dead }, server: [['-d', FAULT_LAB.dead, '-j', 'DROP']] }],
  [
    {
      name: 'udp-only-to-vendor',
      answers: {},
      forward: [
        ['-i', 'inside', '-p', 'udp', '-d', '203.0.113.10,203.0.113.11', '-j', 'ACCEPT'],
        ['-i', 'inside', '-p', 'udp', '-j', 'DROP'],
      ],
    },
  ],
  [
    { name: 'udp-over-1000-dropped', answers: {}, forward: [['-p', 'udp', '-m', 'length', '--length', '1001:65535', '-j', 'DROP']] },
    async () => ({ bigRelayUdp: await bigMessages('turn:203.0.113.10:3478?transport=udp', 4000) }),
  ],
  ...[1100, 1150, 1200, 1250, 1300].map((L): [Net, (k: number) => Promise<Record<string, unknown>>] => [
    { name: `mtu-${L}`, answers: {}, forward: [['-p', 'udp', '-m', 'length', '--length', `${L + 1}:65535`, '-j', 'DROP']] },
    async () => ({ bigRelayUdp: await bigMessages('turn:203.0.113.10:3478?transport=udp', 4000) }),
  ]),
];

for (const [net, extra] of nets) {
  it.skipIf(filter !== '' && !net.name.includes(filter))(net.name, () => measure(net, extra));
}
