import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { LAB, LAB_HOSTS, startLab, TURN_CREDENTIALS, TURN_TLS_PORT, type Lab } from '../lab/lab';
import { DIST, launchWithExtension, sendFromPage, type ExtensionBrowser } from '../support/extension';
import type { GatherRun } from '../../src/messages';

/**
 * The walking skeleton against real parts: the built extension in Debian's
 * Chromium inside the lab's `lan` namespace, coturn in `srv`, a NAT between.
 */
const TURN_USER = TURN_CREDENTIALS.username;
const TURN_PASSWORD = TURN_CREDENTIALS.credential;
const [SERVER_A, SERVER_B] = LAB.turnAddresses;
const DROPPED_TCP_PORT = 3479;

let lab: Lab;
let ext: ExtensionBrowser;
let page: Page;

function gather(iceServers: unknown[], deadlineMs = 5_000): Promise<GatherRun> {
  return sendFromPage<GatherRun>(page, { type: 'gather', iceServers, deadlineMs });
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
  it('gets a relay candidate from coturn over UDP', async () => {
    const run = await gather([{ urls: [`turn:${SERVER_A}:3478?transport=udp`], username: TURN_USER, credential: TURN_PASSWORD }]);
    const relays = run.result.candidates.filter((c) => c.type === 'relay');
    expect(run.result.setupError).toBeNull();
    expect(relays.length).toBeGreaterThan(0);
    expect(relays[0]).toMatchObject({ relayProtocol: 'udp', address: SERVER_A, url: `turn:${SERVER_A}:3478?transport=udp` });
    expect(run.result.gatheringComplete).toBe(true);
  });

  it('gets a relay candidate from coturn over TCP', async () => {
    const run = await gather([{ urls: [`turn:${SERVER_A}:3478?transport=tcp`], username: TURN_USER, credential: TURN_PASSWORD }]);
    const relays = run.result.candidates.filter((c) => c.type === 'relay');
    expect(relays.length).toBeGreaterThan(0);
    expect(relays[0]).toMatchObject({ relayProtocol: 'tcp', address: SERVER_A });
  });

  it('gets a relay candidate from coturn over TLS on 443, by name', async () => {
    const url = `turns:${LAB_HOSTS.turn}:${TURN_TLS_PORT}?transport=tcp`;
    const run = await gather([{ urls: [url], username: TURN_USER, credential: TURN_PASSWORD }]);
    const relays = run.result.candidates.filter((c) => c.type === 'relay');
    expect(relays.length).toBeGreaterThan(0);
    expect(relays[0]).toMatchObject({ relayProtocol: 'tls', address: SERVER_A });
  });

  it('reports 401 with wrong credentials, which proves the server reachable', async () => {
    const run = await gather([{ urls: [`turn:${SERVER_A}:3478?transport=udp`], username: TURN_USER, credential: 'wrong' }]);
    expect(run.result.candidates.filter((c) => c.type === 'relay')).toEqual([]);
    expect(run.result.errors).toContainEqual(expect.objectContaining({ errorCode: 401, url: `turn:${SERVER_A}:3478?transport=udp` }));
  });

  it('sees the NAT: one srflx equal to the router WAN address from two STUN servers', async () => {
    const run = await gather([{ urls: [`stun:${SERVER_A}:3478`] }, { urls: [`stun:${SERVER_B}:3478`] }]);
    const hosts = run.result.candidates.filter((c) => c.type === 'host');
    const srflx = run.result.candidates.filter((c) => c.type === 'srflx');
    expect(hosts.map((c) => c.address)).toContain(LAB.lanAddress);
    // Plain MASQUERADE keeps the source port for both servers, and Chrome drops
    // a srflx it already has: exactly one.
    expect(srflx).toHaveLength(1);
    expect(srflx[0]).toMatchObject({ address: LAB.natWanAddress, relatedAddress: LAB.lanAddress });
  });

  it('ends a run at its own deadline when a TCP TURN server is filtered', async () => {
    const deadlineMs = 1_500;
    const run = await gather([{ urls: [`turn:${SERVER_A}:${DROPPED_TCP_PORT}?transport=tcp`], username: TURN_USER, credential: TURN_PASSWORD }], deadlineMs);
    // Chrome alone never completes gathering here; the run must answer anyway.
    expect(run.result.gatheringComplete).toBe(false);
    expect(run.result.deadlineReached).toBe(true);
    expect(run.result.deadlineMs).toBe(deadlineMs);
    expect(run.result.candidates.filter((c) => c.type === 'relay')).toEqual([]);
  });

  it('joins a second request to the running one instead of starting another', async () => {
    const servers = [{ urls: [`stun:${SERVER_A}:3478`] }];
    const [a, b] = await Promise.all([gather(servers), gather(servers)]);
    expect(a.startedAt).toBe(b.startedAt);
    expect(a.result.candidates.some((c) => c.type === 'srflx')).toBe(true);
  });

  it('reports a malformed server list as a setup error, not a crash', async () => {
    const run = await gather([{ urls: ['turn:'] }]);
    expect(run.result.setupError).toMatch(/\S/);
    expect(run.result.candidates).toEqual([]);
  });

  it('never stores the TURN credential where the popup or an export can read it', async () => {
    await gather([{ urls: [`turn:${SERVER_A}:3478?transport=udp`], username: TURN_USER, credential: TURN_PASSWORD }]);
    const stored = await sendFromPage<GatherRun>(page, { type: 'getLastGather' });
    expect(JSON.stringify(stored)).not.toContain(TURN_PASSWORD);
    expect(stored.servers.find((s) => s.urls[0]?.startsWith('turn:'))?.hasCredential).toBe(true);
  });
});
