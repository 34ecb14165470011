import { ext as browser } from './ext';
import type { BackgroundReply, PopupToBackground } from '../../src/messages';

/** A typed request to the service worker. */
export function send<M extends PopupToBackground>(message: M): Promise<BackgroundReply<M>> {
  return browser.runtime.sendMessage(message) as Promise<BackgroundReply<M>>;
}
