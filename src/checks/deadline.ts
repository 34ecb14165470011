/**
 * The run's deadline: silence this long is called "no answer within N s".
 * A module of its own so that pages reading settings (the popup) do not pull
 * the planner into their bundle.
 */
export const DEFAULT_DEADLINE_MS = 5_000;
/** Bounds for any configured deadline (settings, policy, automation, CLI): long enough to hear a server, short enough that no run hangs its caller. */
export const MIN_DEADLINE_MS = 500;
export const MAX_DEADLINE_MS = 60_000;
