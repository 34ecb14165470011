/**
 * The raw `storage.managed` object -> the validated `PolicyOverlay`, field by
 * field (Dark Reader style): a wrong value becomes a named problem and falls
 * back to the user's setting or the default; every other key still applies.
 * Chrome already drops values that do not match public/managed-schema.json
 * (measured: a wrong type, even deep inside an object, removes that whole
 * key); Firefox's policies.json and older browsers may not, so nothing here
 * trusts the shape.
 */
import { phrase } from '../i18n/phrase';
import { NO_POLICY, type PolicyOverlay, type SettingKey, type Settings } from '../settings/types';
import { readCustomProfile } from './custom-profile';
import { DEADLINE_MS, POLICY_KEYS, RUN_EVERY_MINUTES } from './keys';
import { readProbeHosts, readTurnCredentials } from './overrides';
import { got, PolicyProblems } from './problems';
import { fieldName } from '../profile/fields';
import { namedProfile, readChoices, readProfileId } from './profile-choice';
import { readReportEndpoint } from './report-endpoint';

function readBoolean(raw: Record<string, unknown>, key: string, problems: PolicyProblems): boolean | undefined {
  const value = raw[key];
  if (value === undefined || typeof value === 'boolean') return value;
  return problems.add(key, phrase('policy_expected_boolean', { got: got(value) }));
}

function readInteger(
  raw: Record<string, unknown>,
  key: string,
  bounds: { min: number; max: number },
  problems: PolicyProblems,
  zero = false,
): number | undefined {
  const value = raw[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) return problems.add(key, phrase('policy_expected_whole_number', { got: got(value) }));
  if (zero && value === 0) return 0;
  if (value < bounds.min || value > bounds.max)
    return problems.add(key, phrase(zero ? 'policy_out_of_range_or_never' : 'policy_out_of_range', { value, min: bounds.min, max: bounds.max }));
  return value;
}

export function parsePolicy(raw: unknown): PolicyOverlay {
  if (raw === undefined || raw === null) return { ...NO_POLICY };
  const problems = new PolicyProblems();
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.add('', phrase('policy_not_an_object', { got: got(raw) }));
    return { ...NO_POLICY, managed: true, problems: problems.list };
  }
  const input = raw as Record<string, unknown>;
  if (Object.keys(input).length === 0) return { ...NO_POLICY };
  for (const key of Object.keys(input)) {
    if (!(POLICY_KEYS as readonly string[]).includes(key)) problems.add(fieldName(key), phrase('policy_unknown', { known: POLICY_KEYS.join(', ') }));
  }

  const customProfile = input.customProfile === undefined ? null : readCustomProfile(input.customProfile, problems);
  const named = readProfileId(input, customProfile, problems);
  const choices = readChoices(input, named, problems);
  const lockProfile = readBoolean(input, 'lockProfile', problems);
  const profile = namedProfile(named, choices);
  const probeHosts = input.probeHosts === undefined ? undefined : readProbeHosts(input.probeHosts, profile, problems);
  // Credentials go only to the servers of the profile the admin named: never to a profile a user imports later.
  let turnCredentials = input.turnCredentials === undefined ? undefined : readTurnCredentials(input.turnCredentials, profile, problems);
  if (profile === null && turnCredentials && Object.keys(turnCredentials).length > 0) {
    turnCredentials = problems.add('turnCredentials', phrase('policy_credentials_without_profile'));
  }

  const settings: Partial<Settings> = {};
  const defaults: Partial<Settings> = {};
  // The profile choice is locked unless the admin says otherwise; then it is only where users start.
  const profileTarget = lockProfile === false ? defaults : settings;
  if (named) profileTarget.profileId = named.profileId;
  if (choices) profileTarget.choices = choices;
  const deadlineMs = readInteger(input, 'deadlineMs', DEADLINE_MS, problems);
  if (deadlineMs !== undefined) settings.deadlineMs = deadlineMs;
  const runOnStartup = readBoolean(input, 'runOnStartup', problems);
  if (runOnStartup !== undefined) settings.runOnStartup = runOnStartup;
  const every = readInteger(input, 'runEveryMinutes', RUN_EVERY_MINUTES, problems, true);
  if (every !== undefined) settings.runEveryMinutes = every === 0 ? null : every;
  const redact = readBoolean(input, 'redactIpsInExports', problems);
  if (redact !== undefined) settings.redactIpsInExports = redact;

  const reportEndpoint = input.reportEndpoint === undefined ? undefined : readReportEndpoint(input.reportEndpoint, problems);

  const locked: SettingKey[] = lockProfile === true ? ['profileId', 'choices'] : [];
  return {
    managed: true,
    settings,
    locked,
    customProfile,
    problems: problems.list,
    ...(Object.keys(defaults).length > 0 ? { defaults } : {}),
    ...(probeHosts && Object.keys(probeHosts).length > 0 ? { probeHosts } : {}),
    ...(turnCredentials && Object.keys(turnCredentials).length > 0 ? { turnCredentials } : {}),
    ...(reportEndpoint ? { reportEndpoint } : {}),
  };
}
