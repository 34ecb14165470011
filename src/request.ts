/**
 * The service worker's first look at any incoming message. Kept apart from
 * messages.ts, whose helpers the popup loads: this is service-worker code.
 */
import type { ErrorReply, PopupToBackground } from './messages';

/** Every `type` the service worker answers; anything else gets `bad-request`. */
export const REQUEST_TYPES = [
  'gather',
  'getLastGather',
  'run',
  'getLastReport',
  'runConfigured',
  'getSettings',
  'saveSettings',
  'importProfile',
  'deleteProfile',
  'listHistory',
  'getReport',
] as const satisfies readonly PopupToBackground['type'][];
export type RequestType = (typeof REQUEST_TYPES)[number];

/**
 * An incoming message -> its fields and known type, or the documented
 * `{ error }` for anything else (null, a string, a list, no or an unknown
 * `type`). The reply names what is wrong, never what was sent.
 */
export function readRequest(message: unknown): { type: RequestType; fields: Record<string, unknown> } | ErrorReply {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    const got = message === null ? 'null' : Array.isArray(message) ? 'a list' : `a ${typeof message}`;
    return { error: { code: 'bad-request', message: `A request is an object with a \`type\`; got ${got}.` } };
  }
  const fields = message as Record<string, unknown>;
  if (typeof fields.type !== 'string') return { error: { code: 'bad-request', message: 'A request needs a `type` (a string).' } };
  if (!(REQUEST_TYPES as readonly string[]).includes(fields.type)) {
    return { error: { code: 'bad-request', message: `Unknown request \`type\`; known types: ${REQUEST_TYPES.join(', ')}.` } };
  }
  return { type: fields.type as RequestType, fields };
}
