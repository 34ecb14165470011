/**
 * The tests launch the extension exactly as `npm run check` does: one launcher,
 * in cli/launch.ts. The launch, the close and every `run` message are timed
 * for the phase table (test/support/phases.ts, WNC_PHASES=1).
 */
import { launchWithExtension as launch, sendFromPage as send, type ExtensionBrowser, type LaunchOptions } from '../../cli/launch';
import type { Page } from 'puppeteer-core';
import { timed } from './phases';

export { DIST, extensionWithHostAccess } from '../../cli/launch';
export type { ExtensionBrowser, LaunchOptions } from '../../cli/launch';

/** cli/launch.ts's launchWithExtension, with its launch and close timed. */
export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const ext = await timed('browser launch', () => launch(options));
  return { ...ext, close: () => timed('browser close', () => ext.close()) };
}

/** cli/launch.ts's sendFromPage; a `run` request is timed (most of it is waiting on the run's deadlines). */
export function sendFromPage<T>(page: Page, message: unknown): Promise<T> {
  const isRun = typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'run';
  return isRun ? timed('extension run', () => send<T>(page, message)) : send<T>(page, message);
}
