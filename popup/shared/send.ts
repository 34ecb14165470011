import { browser } from './browser';
import type { ReplyOf, RequestOf, RequestType } from '../../src/contract/requests';

/**
 * The one way a page asks the service worker (src/contract/requests.ts): the
 * reply type follows from the request's `type`, and may always be the
 * documented `{ error }` (check with isErrorReply).
 */
export function send<T extends RequestType>(request: RequestOf<T> & { type: T }): Promise<ReplyOf<T>> {
  return browser.runtime.sendMessage(request) as Promise<ReplyOf<T>>;
}
