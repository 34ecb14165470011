import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { isErrorReply, type GatherRun, type PopupToBackground } from '../src/messages';
import { CandidateTable, ErrorTable } from './GatherTables';

function send(message: PopupToBackground): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

/**
 * Walking-skeleton popup: the candidates of the last run and a button to run
 * again. The verdict view replaces this once the diagnostic core lands.
 */
export function Popup() {
  const [run, setRun] = useState<GatherRun | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    send({ type: 'getLastGather' })
      .then((r) => setRun((r as GatherRun | null) ?? null))
      .catch((err: unknown) => setFailure(String(err)))
      .finally(() => setLoaded(true));
  }, []);

  const runAgain = async () => {
    setRunning(true);
    setFailure(null);
    try {
      const reply = await send({ type: 'gather' });
      if (isErrorReply(reply)) setFailure(reply.error.message);
      else setRun(reply as GatherRun);
    } catch (err) {
      setFailure(String(err));
    } finally {
      setRunning(false);
    }
  };

  return (
    <main>
      <h1>WebRTC Network Check</h1>
      <button type="button" onClick={runAgain} disabled={running} aria-busy={running}>
        {running ? 'Checking…' : 'Run again'}
      </button>
      {failure && <p class="error" role="alert">{failure}</p>}
      {!loaded ? null : run ? <RunView run={run} /> : <p class="muted">No check has run yet.</p>}
    </main>
  );
}

function RunView({ run }: { run: GatherRun }) {
  const r = run.result;
  const servers = run.servers.flatMap((s) => s.urls).join(', ') || 'none (host candidates only)';
  return (
    <section aria-label="Last run">
      <p class="muted" data-testid="run-summary">
        {new Date(run.startedAt).toLocaleString()} · {r.durationMs} ms ·{' '}
        {r.gatheringComplete ? 'gathering complete' : r.deadlineReached ? `stopped at the ${r.deadlineMs / 1000} s deadline` : 'not complete'}
        <br />
        Servers: {servers}
      </p>
      {r.setupError && <p class="error">{r.setupError}</p>}
      <CandidateTable candidates={r.candidates} />
      <ErrorTable errors={r.errors} />
    </section>
  );
}
