/**
 * Chrome MV3: RTCPeerConnection lives in an offscreen document. Only one may
 * exist per extension, and createDocument rejects a second one, so every
 * caller goes through one shared creation promise, after asking Chrome whether
 * a document survives from an earlier service-worker life.
 *
 * Peer connections are not bounded here: Blink counts them per renderer
 * process, which every extension page shares, so a fresh document frees none
 * (measured). background/offscreen/peer-connections.ts handles the limit.
 */
import { browser } from '../browser';
import type { OffscreenPingRequest } from '../../src/contract/offscreen';

const OFFSCREEN_PATH = 'background/offscreen/offscreen.html';

let creating: Promise<void> | null = null;
/** Set once this worker life has seen the document answer; every gather of a run would otherwise ask Chrome again. */
let known = false;

async function offscreenDocumentExists(): Promise<boolean> {
  const url = browser.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await browser.runtime.getContexts({
    contextTypes: [browser.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

/**
 * createDocument can resolve before the document's module script has added its
 * message listener; a gather sent then reaches only other extension pages and
 * comes back `undefined` (measured: the run after a recycle lost its checks).
 */
async function untilListening(): Promise<void> {
  const ping: OffscreenPingRequest = { target: 'offscreen', type: 'ping' };
  for (let attempt = 0; attempt < 100; attempt++) {
    const reply: unknown = await browser.runtime.sendMessage(ping).catch(() => undefined);
    if (typeof reply === 'object' && reply !== null && (reply as { ready?: unknown }).ready === true) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the offscreen document never answered (its script did not start)');
}

export function ensureOffscreenDocument(): Promise<void> {
  if (known) return Promise.resolve();
  creating ??= (async () => {
    if (await offscreenDocumentExists()) {
      known = true;
      return;
    }
    await browser.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      // 'WEB_RTC', not 'WEBRTC': Chrome rejects the latter.
      reasons: [browser.offscreen.Reason.WEB_RTC],
      justification: 'Gather ICE candidates against the STUN/TURN servers being checked.',
    });
    await untilListening();
    known = true;
  })().finally(() => {
    creating = null;
  });
  return creating;
}

/** Closes the document (every peer connection in it goes) and opens a fresh one. */
export async function recreateOffscreenDocument(): Promise<void> {
  await creating?.catch(() => undefined);
  known = false;
  if (await offscreenDocumentExists()) await browser.offscreen.closeDocument().catch(() => undefined);
  await ensureOffscreenDocument();
}
