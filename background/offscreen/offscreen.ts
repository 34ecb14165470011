import { browser, type Runtime } from '../browser';
import type { OffscreenMap, OffscreenType } from '../../src/contract/offscreen';
import { gatherCandidates } from './gather';
import { loopbackCall } from './loopback-call';
import { removePopupCopy } from '../../src/contract/popup-copy';

/** One handler per offscreen request type (src/contract/offscreen.ts): a type without one does not compile. */
const handlers: { [T in OffscreenType]: (request: OffscreenMap[T]['request']) => Promise<OffscreenMap[T]['reply']> } = {
  ping: () => Promise.resolve({ ready: true }),
  gather: (request) => gatherCandidates(request.iceServers, request.deadlineMs, request.finishOn),
  loopback: (request) => loopbackCall(request),
  forgetPopupCopy: () => {
    removePopupCopy(() => localStorage);
    return Promise.resolve({ forgotten: true });
  },
};

// The offscreen document exists only to reach RTCPeerConnection, which MV3
// service workers lack. It answers messages addressed to it and ignores the
// rest (the pages share the same runtime message bus).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (sender.id !== browser.runtime.id) return undefined;
  if (typeof message !== 'object' || message === null) return undefined;
  const { target, type } = message as { target?: unknown; type?: unknown };
  if (target !== 'offscreen' || typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
  const handler = handlers[type as OffscreenType] as (request: unknown) => Promise<unknown>;
  return handler(message);
});
