import type { Page } from 'puppeteer-core';
import { startLab, type Lab } from '../lab/lab';
import type { LabOptions } from '../lab/topology';
import { LAB_ORIGINS } from '../e2e/lab-profile';
import { extensionWithHostAccess, launchWithExtension, sendFromPage, type ExtensionBrowser } from './extension';
import type { Report } from '../../src/report/types';
import { statusDisagreements } from './status-agreement';

/** The lab, and Chromium in its LAN with the extension granted the lab's hosts. */
export interface LabBrowser {
  lab: Lab;
  ext: ExtensionBrowser;
  /** An extension page to send automation messages from. */
  page: Page;
  /** Runs a profile through the automation interface; a refused run throws with the reply. */
  run(profile: object, deadlineMs: number): Promise<Report>;
  stop(): Promise<void>;
}

export async function startLabBrowser(options: Omit<LabOptions, 'hosts'> = {}): Promise<LabBrowser> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined);
  };
  try {
    const lab = await startLab(options);
    cleanups.push(() => lab.stop());
    // Chrome's grant prompt cannot be clicked headless: the copy's manifest stands in for it.
    const copy = await extensionWithHostAccess(LAB_ORIGINS);
    cleanups.push(() => copy.remove());
    const ext = await launchWithExtension({ netns: lab.topology.lan, home: lab.chromiumHome, extensionDir: copy.dir });
    cleanups.push(() => ext.close());
    const page = await ext.openPage('popup/index.html');
    const run = async (profile: object, deadlineMs: number) => {
      const reply = await sendFromPage<Report | { error: unknown }>(page, { type: 'run', profile, options: { deadlineMs } });
      if ('error' in reply) throw new Error(`run failed: ${JSON.stringify(reply.error)}`);
      // Issue 28: whatever the network, every surface says the report's one status and no row contradicts it.
      const disagreements = statusDisagreements(reply);
      if (disagreements.length > 0) throw new Error(`the status is told two ways:\n${disagreements.join('\n')}`);
      return reply;
    };
    return { lab, ext, page, run, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
