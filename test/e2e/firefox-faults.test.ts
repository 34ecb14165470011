import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { firefoxExtensionCopy, launchFirefoxWithExtension, sendFromFirefoxPage, type FirefoxExtensionBrowser } from '../../cli/launch-firefox';
import type { Report } from '../../src/report/types';
import { startFaultServers, type FaultServers } from '../lab/fault-lab';
import { TURN_CREDENTIALS, startLab, type Lab } from '../lab/lab';
import { LAB_ORIGINS } from './lab-profile';
import { compareWithOracle, faultHarness, type FaultHarness } from './fault-harness';
import { BASES, faultNetworks, faultProfile, specName, type FaultSpec } from './fault-oracle';

/**
 * Issue 24 in Firefox: one fault network of each class (DNS, TLS, vendor,
 * path) from the same generator and oracle as the Chromium suite
 * (fault-networks.test.ts), built in the same lab and proved by the same
 * probes before the report is held to the oracle. Firefox words failures its
 * own way (an empty 701 for UDP, NSS messages for certificates): the oracle
 * is the same, so the causes must come out the same.
 */
const DEADLINE_MS = 3_000;

/** One network per class, on the open base: what differs from Chromium is the browser, not the network. */
const SAMPLE: FaultSpec[] = [
  { base: BASES.open, fault: { class: 'dns', answer: 'zero', names: 'all' } },
  { base: BASES.open, fault: { class: 'tls', kind: 'transparent-untrusted' } },
  { base: BASES.open, fault: { class: 'vendor', kind: 'dead-stun' } },
  { base: BASES.open, fault: { class: 'path', kind: 'udp-only-vendor' } },
];
/** The generator's own index of each, so names and DNS answers are exactly the Chromium suite's. */
const all = faultNetworks();
const picked = SAMPLE.map((spec) => {
  const index = all.findIndex((s) => specName(s) === specName(spec));
  if (index < 0) throw new Error(`not a generated network: ${specName(spec)}`);
  return [index, spec] as const;
});

let lab: Lab;
let faults: FaultServers;
let harness: FaultHarness;
let extension: { dir: string; remove(): Promise<void> };
let ff: FirefoxExtensionBrowser;
let page: Page;

beforeAll(async () => {
  lab = await startLab();
  faults = await startFaultServers(lab);
  harness = faultHarness(lab, faults);
  extension = await firefoxExtensionCopy(LAB_ORIGINS);
  ff = await launchFirefoxWithExtension({ netns: lab.topology.lan, extensionDir: extension.dir, trustedCas: [lab.certs.caCert] });
  page = await ff.openPage('popup/index.html');
});

afterAll(async () => {
  await ff?.close();
  await extension?.remove();
  await faults?.stop();
  await lab?.stop();
});

describe('fault networks in Firefox, one per class, causes from the same oracle', () => {
  it.each(picked.map(([index, spec]) => [specName(spec), index, spec] as const))('%s', async (name, index, spec) => {
    await harness.build(spec, index);
    expect(await harness.probeMismatches(spec, index), 'the lab did not build the network the oracle describes').toEqual([]);
    const reply = await sendFromFirefoxPage<Report | { error: unknown }>(page, {
      type: 'run',
      profile: faultProfile(spec, index),
      options: { deadlineMs: DEADLINE_MS },
    });
    if ('error' in reply) throw new Error(`run failed: ${JSON.stringify(reply.error)}`);
    await mkdir('test-results/firefox-faults', { recursive: true });
    await writeFile(`test-results/firefox-faults/${name.replace(/[^A-Za-z0-9.@-]+/g, '_')}.json`, JSON.stringify(reply, null, 2));
    expect(JSON.stringify(reply)).not.toContain(TURN_CREDENTIALS.credential);
    expect(compareWithOracle(spec, index, reply)).toEqual([]);
  });
});
