/**
 * Settings changes read, change and write storage: two at once (a delete
 * while the deadline is saved, two quick imports) would each write back what
 * the other did not see. Every change waits for the one before.
 */
let last: Promise<unknown> = Promise.resolve();

export function oneAtATime<T>(change: () => Promise<T>): Promise<T> {
  const next = last.then(change, change);
  last = next.catch(() => undefined);
  return next;
}
