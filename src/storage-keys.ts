/**
 * `storage.local` keys more than one context reads. The service worker writes
 * them; the popup reads the last report straight from storage for its first
 * paint, without waking the worker for a round trip.
 */
export const LAST_REPORT_KEY = 'lastReport';
