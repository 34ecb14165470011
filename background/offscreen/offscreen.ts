import browser, { type Runtime } from 'webextension-polyfill';
import type { BackgroundToOffscreen, OffscreenReply } from '../../src/messages';
import { gatherCandidates } from './gather';
import { loopbackCall } from './loopback-call';

// The offscreen document exists only to reach RTCPeerConnection, which MV3
// service workers lack. It answers messages addressed to it and ignores the
// rest (the popup shares the same runtime message bus).
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<OffscreenReply> | undefined => {
  if (sender.id !== browser.runtime.id) return undefined;
  const msg = message as BackgroundToOffscreen;
  if (msg?.target !== 'offscreen') return undefined;
  if (msg.type === 'ping') return Promise.resolve({ ready: true });
  if (msg.type === 'loopback') return loopbackCall(msg);
  if (msg.type !== 'gather') return undefined;
  return gatherCandidates(msg.iceServers, msg.deadlineMs, msg.finishOn);
});
