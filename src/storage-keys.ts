/**
 * `storage.local` keys more than one context reads. The service worker writes
 * them; the popup reads the last report straight from storage for its first
 * paint, without waking the worker for a round trip.
 */
export const LAST_REPORT_KEY = 'lastReport';
/** Reports waiting for the district's collector (background/fleet/sender.ts): OTLP payloads, never read by a page. */
export const SEND_QUEUE_KEY = 'reportSendQueue';
/** Counts and named problems of sending (src/fleet/status.ts): the options page shows them. */
export const SEND_STATUS_KEY = 'reportSendStatus';
