/**
 * A run answers with its report before the report is written to storage (the
 * write of the last report and the history took ~40 ms of a ~200 ms run,
 * measured in the lab), so writes queue here and every reader of stored
 * reports in this worker waits for them first: what a run answered is what a
 * following `getLastReport` or `listHistory` reads.
 */
let queue: Promise<void> = Promise.resolve();

/** Runs `write` after the writes queued before it; the returned promise settles with it. */
export function queueWrite(write: () => Promise<void>): Promise<void> {
  const next = queue.then(write);
  queue = next.catch(() => undefined);
  return next;
}

/** Resolves once every write queued so far has finished (or failed). */
export function writesSettled(): Promise<void> {
  return queue;
}
