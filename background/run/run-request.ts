import { validateProfile } from '../../src/profile/validate';
import type { ProfileValidation } from '../../src/profile/validate';
import { DEFAULT_DEADLINE_MS, type ErrorReply, type RunOptions } from '../../src/contract/requests';
import type { RunRequest } from './controller';

import { MAX_DEADLINE_MS, MIN_DEADLINE_MS } from '../../src/checks/deadline';

export { MAX_DEADLINE_MS };

export type BuiltinLookup = (id: string, choices: Record<string, string>) => ProfileValidation | null;

function error(code: string, message: string, details?: ErrorReply['error']['details']): ErrorReply {
  return { error: { code, message, ...(details ? { details } : {}) } };
}

function readOptions(value: unknown): RunOptions | ErrorReply {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return error('bad-request', '`options` must be an object');
  const { region, deadlineMs, choices } = value as Record<string, unknown>;
  if (region !== undefined && typeof region !== 'string') return error('bad-request', '`options.region` must be a string');
  if (
    choices !== undefined &&
    (typeof choices !== 'object' || choices === null || Array.isArray(choices) || Object.values(choices).some((v) => typeof v !== 'string'))
  ) {
    return error('bad-request', '`options.choices` must map option ids to choice ids (strings)');
  }
  if (
    deadlineMs !== undefined &&
    (typeof deadlineMs !== 'number' || !Number.isFinite(deadlineMs) || deadlineMs < MIN_DEADLINE_MS || deadlineMs > MAX_DEADLINE_MS)
  ) {
    return error('bad-request', `\`options.deadlineMs\` must be a number of milliseconds from ${MIN_DEADLINE_MS} to ${MAX_DEADLINE_MS}`);
  }
  return {
    region: region as string | undefined,
    deadlineMs: deadlineMs as number | undefined,
    choices: choices as Record<string, string> | undefined,
  };
}

/**
 * A `run` message -> what to run, or a named error. Everything arrives as
 * untrusted JSON: an automation caller may send anything.
 */
export function parseRunRequest(message: Record<string, unknown>, builtin: BuiltinLookup): RunRequest | ErrorReply {
  const options = readOptions(message.options);
  if ('error' in options) return options;
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;

  if ('profile' in message) {
    const { profile, errors } = validateProfile(message.profile);
    if (!profile) return error('invalid-profile', 'The profile cannot be used; see details for each field.', errors);
    return { profile, profileErrors: errors, region: options.region, deadlineMs };
  }
  if (typeof message.profileId === 'string') {
    const found = builtin(message.profileId, options.choices ?? {});
    if (!found) return error('unknown-profile', 'There is no built-in profile with this id (`profileId`).');
    if (!found.profile) return error('invalid-profile', 'The built-in profile cannot be used with these options.', found.errors);
    return { profile: found.profile, profileErrors: found.errors, region: options.region, deadlineMs };
  }
  return error('bad-request', 'A run needs `profile` (an object) or `profileId` (a built-in profile id).');
}
