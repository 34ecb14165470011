import { browser, type WebRequest } from '../browser';
import { certificateEvidence } from '../../src/checks/certificate';
import type { CertificateEvidence, SecurityInfoReader } from './index';

/**
 * Firefox's webRequest.getSecurityInfo answers only inside an onHeadersReceived
 * listener registered with "blocking" (the channel is held while the listener
 * runs), which needs the `webRequestBlocking` permission; the Firefox build's
 * manifest has it, Chrome's does not. The listener blocks nothing and changes
 * nothing: it returns `{}` at once for every URL no probe watches, and for a
 * watched one only after reading the chain.
 */
type Listener = (info: CertificateEvidence) => void;
const watchers = new Map<string, Set<Listener>>();

function keyOf(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

async function onHeaders(details: WebRequest.OnHeadersReceivedDetailsType): Promise<WebRequest.BlockingResponse> {
  const listeners = watchers.get(keyOf(details.url));
  if (!listeners?.size) return {};
  try {
    const info = await browser.webRequest.getSecurityInfo(details.requestId, { certificateChain: true });
    const evidence = certificateEvidence(info);
    if (evidence) for (const listener of listeners) listener(evidence);
  } catch {
    // No chain to show (a plain-HTTP answer, a request already gone): nothing to add.
  }
  return {};
}

let installed = false;
function install(): void {
  if (installed) return;
  installed = true;
  // Background requests only (tabId -1): the probes', never the user's browsing.
  browser.webRequest.onHeadersReceived.addListener(onHeaders, { urls: ['https://*/*', 'wss://*/*'], tabId: -1 }, ['blocking']);
}

// From the start, as web-request-watch.ts: a listener added just before a request can miss its events.
install();

export const firefoxSecurityInfo: SecurityInfoReader = {
  watch(url, onInfo) {
    install();
    const key = keyOf(url);
    const set = watchers.get(key) ?? new Set<Listener>();
    set.add(onInfo);
    watchers.set(key, set);
    return () => {
      set.delete(onInfo);
      if (set.size === 0) watchers.delete(key);
    };
  },
};
