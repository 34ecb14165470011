/**
 * Chrome MV3: RTCPeerConnection lives in an offscreen document. Only one may
 * exist per extension, and createDocument rejects a second one, so every
 * caller goes through one shared creation promise, after asking Chrome whether
 * a document survives from an earlier service-worker life.
 */
const OFFSCREEN_PATH = 'background/offscreen/offscreen.html';

let creating: Promise<void> | null = null;

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
