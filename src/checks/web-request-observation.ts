import type { NetObservation } from './evidence';

/** The fields of a `chrome.webRequest` event detail that carry evidence. */
export interface WebRequestDetail {
  statusCode?: number;
  error?: string;
  isProxy?: boolean;
  ip?: string;
  /** onAuthRequired: who asks for credentials. */
  challenger?: { host: string; port: number };
  /** Firefox only: the proxy the request went through (null when direct). */
  proxyInfo?: { host: string; port: number } | null;
}

export type WebRequestEventName = 'onBeforeRequest' | 'onHeadersReceived' | 'onResponseStarted' | 'onErrorOccurred' | 'onAuthRequired';

/**
 * One webRequest event -> what it proves. Pure, so the events Chromium
 * really sent (test/fixtures/proxy-webrequest.json) can be replayed in unit tests.
 */
export function observe(event: WebRequestEventName, d: WebRequestDetail): Partial<NetObservation> {
  switch (event) {
    case 'onBeforeRequest':
      return {};
    case 'onHeadersReceived':
      // Firefox names the proxy of every request (`proxyInfo`) and gave this extension no
      // onAuthRequired challenger (measured: the proxy went unnamed): a 407 through it names the asking proxy.
      return d.statusCode === PROXY_AUTH_REQUIRED && d.proxyInfo
        ? { statusCode: d.statusCode, proxyAuthRequired: true, proxyAddress: `${d.proxyInfo.host}:${d.proxyInfo.port}` }
        : { statusCode: d.statusCode, ...remoteIp(d) };
    case 'onResponseStarted':
      return { remoteIp: d.ip ?? null };
    case 'onErrorOccurred':
      // Chrome names the address it connected to on an error too (a certificate error
      // included): what tells a DNS filter's sinkhole or block page from the vendor's server.
      return { netError: d.error, ...remoteIp(d) };
    case 'onAuthRequired':
      // A server's 401 is an answer like any other; only a proxy's challenge blocks the path.
      return d.isProxy
        ? { proxyAuthRequired: true, statusCode: d.statusCode, ...(d.challenger ? { proxyAddress: `${d.challenger.host}:${d.challenger.port}` } : {}) }
        : {};
  }
}

export function emptyObservation(): NetObservation {
  return { observed: false, netError: null, statusCode: null, proxyAuthRequired: false, proxyAddress: null, remoteIp: null };
}

/** Adds one event's evidence to what a watch has seen so far. */
export function fold(state: NetObservation, o: Partial<NetObservation>): void {
  state.observed = true;
  // Keep the first error: an abort we cause after a real failure must not hide it.
  if (o.netError && !state.netError) state.netError = o.netError;
  if (o.statusCode !== undefined && o.statusCode !== null) state.statusCode = o.statusCode;
  if (o.proxyAuthRequired) state.proxyAuthRequired = true;
  if (o.proxyAddress) state.proxyAddress = o.proxyAddress;
  if (o.remoteIp) state.remoteIp = o.remoteIp;
}

const PROXY_AUTH_REQUIRED = 407;

/** The address the browser connected to, when the event names one (through a proxy: the proxy's). */
function remoteIp(d: WebRequestDetail): Partial<NetObservation> {
  return d.ip ? { remoteIp: d.ip } : {};
}

/**
 * What webRequest saw, completed with the status of the answer fetch() itself
 * got (null when opaque). webRequest's events can reach the worker after
 * fetch() resolved: measured behind a proxy asking for credentials, where
 * fetch() resolves with the proxy's own 407.
 */
export function withResponseStatus(seen: NetObservation, responseStatus: number | null): NetObservation {
  const statusCode = seen.statusCode ?? responseStatus;
  return { ...seen, statusCode, proxyAuthRequired: seen.proxyAuthRequired || statusCode === PROXY_AUTH_REQUIRED };
}
