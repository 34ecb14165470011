/**
 * Chrome MV3: RTCPeerConnection lives in an offscreen document. Only one may
 * exist per extension, and createDocument rejects a second one, so every
 * caller goes through one shared creation promise, after asking Chrome whether
 * a document survives from an earlier service-worker life.
 *
 * The document is also where peer connections run out: Chromium refuses
 * `new RTCPeerConnection` past 500 live ones per document, and closed ones keep
 * counting until garbage collection (measured, issue 20: a 1 STUN + 20 TURN
 * profile broke the 24th run of one session). Closing the document frees them
 * all, so runs reserve what they will open and the document is recycled
 * before a run that would cross the budget.
 */
const OFFSCREEN_PATH = 'background/offscreen/offscreen.html';

/** Well under Chromium's 500, leaving room for stray connections. */
export const PEER_CONNECTION_BUDGET = 400;

let creating: Promise<void> | null = null;
/** Connections opened in the current document; null = unknown (it may come from an earlier worker life). */
let opened: number | null = null;

async function offscreenDocumentExists(): Promise<boolean> {
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

export function ensureOffscreenDocument(): Promise<void> {
  creating ??= (async () => {
    if (await offscreenDocumentExists()) return;
    opened = 0;
    await chrome.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      // 'WEB_RTC', not 'WEBRTC': Chrome rejects the latter.
      reasons: [chrome.offscreen.Reason.WEB_RTC],
      justification: 'Gather ICE candidates against the STUN/TURN servers being checked.',
    });
  })().finally(() => {
    creating = null;
  });
  return creating;
}

/** Closes the document (every peer connection in it goes) and opens a fresh one. */
export async function recreateOffscreenDocument(): Promise<void> {
  await creating?.catch(() => undefined);
  if (await offscreenDocumentExists()) await chrome.offscreen.closeDocument().catch(() => undefined);
  opened = null;
  await ensureOffscreenDocument();
}

/**
 * Call before a run opens `count` peer connections: recycles the document when
 * they would not fit in what is left of its budget (or when its count is
 * unknown), so that the hundredth run is as right as the first.
 */
export async function reservePeerConnections(count: number): Promise<void> {
  if (opened === null || opened + count > PEER_CONNECTION_BUDGET) await recreateOffscreenDocument();
  opened = (opened ?? 0) + count;
}
