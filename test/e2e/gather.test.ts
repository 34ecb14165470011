import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { LAB, LAB_HOSTS, startLab, TURN_CREDENTIALS, TURN_TLS_PORT, type Lab } from '../lab/lab';
import { DIST, launchWithExtension, sendFromPage, type ExtensionBrowser } from '../support/extension';
import type { ErrorReply } from '../../src/contract/requests';
import type { Report } from '../../src/report/types';

/**
 * ICE gathering against real parts, through the one way a page asks for it (a
 * `run`): the built extension in Debian's Chromium inside the lab's `lan`
 * namespace, coturn in `srv`, a NAT between. Each test runs a one-rule profile
 * and reads the gathering's candidates and ICE errors from the report.
 */
const [SERVER_A, SERVER_B] = LAB.turnAddresses;
const DROPPED_TCP_PORT = 3479;

let lab: Lab;
let ext: ExtensionBrowser;
let page: Page;

type Rule = { id: string; kind: 'stun' | 'turn'; urls: string[]; username?: string; credential?: string };

function run(rules: Rule[], deadlineMs = 5_000): Promise<Report | ErrorReply> {
  const profile = { id: 'gather', name: 'Gathering', version: '1', rules: rules.map((r) => ({ purpose: 'Media', ...r })) };
  return sendFromPage<Report | ErrorReply>(page, { type: 'run', profile, options: { deadlineMs } });
}

async function report(rules: Rule[], deadlineMs?: number): Promise<Report> {
  const reply = await run(rules, deadlineMs);
  if ('error' in reply) throw new Error(`run refused: ${reply.error.message}`);
  return reply;
}

/** The one-server connection of the profile's TURN (or STUN) rule: its gathering, check and candidates. */
function connectionOf(r: Report, role: 'turn' | 'stun') {
  const gathering = r.gatherings.find((g) => g.role === role)!;
  return {
    gathering,
    check: r.checks.find((c) => c.id === gathering.id),
    candidates: r.candidates.filter((c) => c.gatheringId === gathering.id),
    errors: r.iceErrors.filter((e) => e.gatheringId === gathering.id),
  };
}

beforeAll(async () => {
  if (!existsSync(`${DIST}/manifest.json`)) throw new Error('dist/ is missing: run `npm run build` first');
  lab = await startLab();
  await lab.topology.forwardRule(['-p', 'tcp', '--dport', String(DROPPED_TCP_PORT), '-j', 'DROP']);
  ext = await launchWithExtension({ netns: lab.topology.lan, home: lab.chromiumHome });
  page = await ext.openPage('popup/index.html');
});

afterAll(async () => {
  await ext?.close();
  await lab?.stop();
});

describe('ICE gathering in the built extension', () => {
  const turn = (url: string, credential: string = TURN_CREDENTIALS.credential): Rule => ({
    id: 'relay',
    kind: 'turn',
    urls: [url],
    username: TURN_CREDENTIALS.username,
    credential,
  });

  it('gets a relay candidate from coturn over UDP', async () => {
    const r = await report([turn(`turn:${SERVER_A}:3478?transport=udp`)]);
    const relay = connectionOf(r, 'turn');
    expect(relay.gathering.setupError).toBeNull();
    expect(relay.candidates.find((c) => c.type === 'relay')).toMatchObject({
      relayProtocol: 'udp',
      address: SERVER_A,
      url: `turn:${SERVER_A}:3478?transport=udp`,
    });
    expect(relay.check?.status).toBe('pass');
  });

  it('gets a relay candidate from coturn over TCP', async () => {
    const r = await report([turn(`turn:${SERVER_A}:3478?transport=tcp`)]);
    expect(connectionOf(r, 'turn').candidates.find((c) => c.type === 'relay')).toMatchObject({ relayProtocol: 'tcp', address: SERVER_A });
  });

  it('gets a relay candidate from coturn over TLS on 443, by name', async () => {
    const r = await report([turn(`turns:${LAB_HOSTS.turn}:${TURN_TLS_PORT}?transport=tcp`)]);
    expect(connectionOf(r, 'turn').candidates.find((c) => c.type === 'relay')).toMatchObject({ relayProtocol: 'tls', address: SERVER_A });
  });

  it('reports 401 with wrong credentials, which proves the server reachable', async () => {
    const url = `turn:${SERVER_A}:3478?transport=udp`;
    const r = await report([turn(url, 'wrong')]);
    const relay = connectionOf(r, 'turn');
    expect(relay.candidates.filter((c) => c.type === 'relay')).toEqual([]);
    expect(relay.errors).toContainEqual(expect.objectContaining({ errorCode: 401, url }));
    expect(JSON.stringify(r)).not.toContain('wrong');
  });

  it('sees the NAT: every srflx is the router WAN address, from two STUN servers', async () => {
    const r = await report([{ id: 'stun', kind: 'stun', urls: [`stun:${SERVER_A}:3478`, `stun:${SERVER_B}:3478`] }]);
    const hosts = r.candidates.filter((c) => c.type === 'host');
    const srflx = r.candidates.filter((c) => c.type === 'srflx');
    expect(hosts.map((c) => c.address)).toContain(LAB.lanAddress);
    expect(srflx.length).toBeGreaterThan(0);
    for (const c of srflx) expect(c).toMatchObject({ address: LAB.natWanAddress, relatedAddress: LAB.lanAddress });
    // Plain MASQUERADE keeps the source port for both servers (RFC 4787 endpoint-independent mapping).
    expect(r.nat.mapping).toBe('endpoint-independent');
  });

  it('ends a check at the run deadline when a TCP TURN server is filtered', async () => {
    const deadlineMs = 1_500;
    const r = await report([turn(`turn:${SERVER_A}:${DROPPED_TCP_PORT}?transport=tcp`)], deadlineMs);
    const relay = connectionOf(r, 'turn');
    // Chrome alone never completes gathering here; the run must answer anyway.
    expect(relay.gathering).toMatchObject({ gatheringComplete: false, deadlineReached: true, deadlineMs });
    expect(relay.candidates.filter((c) => c.type === 'relay')).toEqual([]);
    expect(relay.check).toMatchObject({ status: 'fail', reason: 'timeout' });
  });

  it('joins a second request to the running one instead of starting another', async () => {
    const rules: Rule[] = [{ id: 'stun', kind: 'stun', urls: [`stun:${SERVER_A}:3478`] }];
    const [a, b] = await Promise.all([report(rules), report(rules)]);
    expect(a.id).toBe(b.id);
    expect(a.candidates.some((c) => c.type === 'srflx')).toBe(true);
  });

  it('refuses a malformed server URL by name, before any gathering', async () => {
    const reply = await run([{ id: 'broken', kind: 'turn', urls: ['turn:'] }]);
    expect(reply).toMatchObject({ error: { code: 'invalid-profile' } });
    expect(JSON.stringify((reply as ErrorReply).error.details)).toMatch(/rules\[0\]\.urls/);
  });

  it('never stores the TURN credential: not in the report, the history or anywhere in storage', async () => {
    await report([turn(`turn:${SERVER_A}:3478?transport=udp`)]);
    const stored = await page.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored)).toContain('lastReport');
    expect(JSON.stringify(stored)).not.toContain(TURN_CREDENTIALS.credential);
  });
});
