import { browser } from '../browser';
import type { Report } from '../../src/report/types';
import type { ReportEndpoint } from '../../src/settings/report-destination';
import { otlpLogsRequest, partialRejection } from '../../src/fleet/record';
import { attemptResult, SEND_TIMEOUT_MS, type AttemptAnswer } from '../../src/fleet/outcome';
import { afterAttempt, checkClock, enqueue, markSending, nextDue, readSendState, recoverCutOffSends, type SendState } from '../../src/fleet/queue';
import { redactIps } from '../../src/report/redact-ips';
import { readStored, writeStored } from '../storage/storage-area';
import { onPolicyChanged, readPolicy } from '../policy/read-policy';
import { readSettingsView } from '../settings/store';
import { gzip } from './gzip';

/**
 * Sends finished reports to the collector the policy names (issue 19), after
 * they are stored, one at a time, from a queue in storage.local that outlives
 * the service worker (src/fleet/queue.ts says why nothing is lost or sent
 * twice). Retries wait for a chrome.alarms alarm: a sleeping worker is woken
 * for them, a timer would die with it.
 */
const ALARM = 'wnc-report-send';

let chain: Promise<void> = Promise.resolve();
/** Once per worker: a send the previous worker left marked is due again. */
let recovered = false;

function serially(task: () => Promise<void>): Promise<void> {
  chain = chain.then(task).catch((err: unknown) => console.warn('sending reports:', err instanceof Error ? err.message : String(err)));
  return chain;
}

async function load(): Promise<SendState> {
  const state = readSendState(await readStored('reportSendQueue'), await readStored('reportSendStatus'));
  if (recovered) return state;
  recovered = true;
  return recoverCutOffSends(state, Date.now());
}

/** Queue and status in one set(): storage writes both or neither. */
async function save(state: SendState): Promise<void> {
  await writeStored({ reportSendQueue: state.queue, reportSendStatus: state.status });
}

/**
 * One POST of the OTLP/JSON request, gzipped with `Content-Encoding: gzip`
 * (OTLP/HTTP allows it; the collector's receiver decodes gzip by default).
 * Content-Encoding is not a CORS-safelisted header: a collector whose CORS
 * `allowed_headers` does not name it refuses the preflight. Rather than stop
 * reports a district already receives, such a refusal is retried at once
 * uncompressed (docs/fleet.md says which line to add to get gzip).
 */
async function attempt(endpoint: ReportEndpoint, payload: string): Promise<AttemptAnswer> {
  try {
    // Built apart from fetch(): a value the browser cannot send (beyond Latin-1, U+2028) throws here, before any
    // network I/O, and is named as such rather than as the "CORS refused" a failed fetch() looks like (issue 29).
    new Headers({ ...endpoint.headers, 'Content-Type': 'application/json' });
  } catch {
    return { kind: 'refused-by-browser' };
  }
  const gzipped = await post(endpoint, payload, true);
  if (gzipped !== 'no-answer') return gzipped;
  // fetch says "Failed to fetch" alike for a dead server and a CORS refusal. Without host access a
  // no-cors request resolves (opaque) when the server answered and throws when it did not (docs/FACTS).
  // A redirected preflight looks like a CORS refusal (measured: fetch throws alike; a no-cors request must
  // follow redirects and hides them; webRequest sees nothing without host access). So `cors-refused` is
  // named for both, and the options page's words say so (docs/measured.md).
  const answered = await fetch(endpoint.url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(5_000) }).then(
    () => true,
    () => false,
  );
  if (!answered) return { kind: 'failed', answered };
  const plain = await post(endpoint, payload, false);
  return plain === 'no-answer' ? { kind: 'failed', answered } : plain;
}

/** One POST; 'no-answer' when fetch itself failed (no server, or CORS refused it: `attempt` tells which). */
async function post(endpoint: ReportEndpoint, payload: string, compressed: boolean): Promise<AttemptAnswer | 'no-answer'> {
  const signal = AbortSignal.timeout(SEND_TIMEOUT_MS);
  try {
    const response = await fetch(endpoint.url, {
      method: 'POST',
      headers: { ...endpoint.headers, 'Content-Type': 'application/json', ...(compressed ? { 'Content-Encoding': 'gzip' } : {}) },
      body: compressed ? await gzip(payload) : payload,
      // A redirect is not followed: the collector's token would go wherever it points.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      signal,
    });
    const body = response.ok ? new Uint8Array(await response.arrayBuffer()) : null;
    const partial = body && body.length > 0 ? partialRejection(body) : null;
    return { kind: 'response', status: response.status, type: response.type, ...(partial ? { partialRejected: partial.rejected } : {}) };
  } catch {
    return signal.aborted ? { kind: 'timeout' } : 'no-answer';
  }
}

async function schedule(state: SendState, endpoint: ReportEndpoint | undefined): Promise<void> {
  const head = state.queue[0];
  // Without an endpoint the queue waits for one: a policy change drains it then (listenForSending), no alarm needed.
  if (!head || !endpoint) {
    await browser.alarms.clear(ALARM);
    return;
  }
  await browser.alarms.create(ALARM, { when: Math.max(head.nextAttemptAt, Date.now() + 1_000) });
}

/**
 * Sends what is due, oldest first, until the queue is empty or an attempt
 * fails; then sets the alarm for the next try. `retryNow`: the retry alarm
 * fired, which is the head's time whatever the clock says now.
 */
function drain(retryNow = false): Promise<void> {
  return serially(async () => {
    let state = checkClock(await load(), Date.now());
    const endpoint = (await readPolicy()).reportEndpoint;
    let force = retryNow;
    for (;;) {
      const entry = endpoint ? (force ? (state.queue[0] ?? null) : nextDue(state, Date.now())) : null;
      force = false;
      if (!entry || !endpoint) break;
      state = markSending(state, entry.id, Date.now());
      await save(state);
      const result = attemptResult(await attempt(endpoint, entry.payload));
      state = afterAttempt(state, entry.id, result, Date.now());
      await save(state);
      if (result.action === 'retry') break;
    }
    await save(state);
    await schedule(state, endpoint);
  });
}

/**
 * Queues a stored report for the collector when the policy names one and
 * sends runs of this trigger, then sends. The copy sent has IP addresses
 * replaced when the policy (or the default) hides them in exports.
 */
export function sendToCollector(report: Report): Promise<void> {
  return serially(async () => {
    const endpoint = (await readPolicy()).reportEndpoint;
    if (!endpoint || !(endpoint.triggers as string[]).includes(report.trigger)) return;
    const { effective } = await readSettingsView();
    const copy = effective.redactIpsInExports ? redactIps(report) : report;
    const now = Date.now();
    await save(enqueue(await load(), { id: report.id, payload: otlpLogsRequest(copy, endpoint, now) }, now));
  }).then(() => drain());
}

/** Registered at the service worker's top level: the retry alarm and a policy change wake it; a new worker resumes the queue. */
export function listenForSending(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void drain(true);
  });
  onPolicyChanged(() => void drain());
  void drain();
}
