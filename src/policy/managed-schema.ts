/**
 * The managed policy an admin pushes, declared once (builders:
 * src/shape/shape.ts): scripts/shapes.mjs writes it as
 * public/managed-schema.json, the `storage.managed_schema` Chrome checks
 * pushed values against and shows on its policy page (a title and a
 * description per key). It keeps to the JSON Schema subset Chrome accepts:
 * one type per node, objects open, no `required`; Chrome's policy schemas
 * cannot say "number or string", so ports go as strings.
 *
 * The keys are a `Record<PolicyKey, …>`: a key the parser reads
 * (src/policy/keys.ts) and not declared here, or the reverse, fails
 * `npm run typecheck`. What each value means, and every check Chrome's schema
 * cannot make (ranges, URLs, rule ids), is src/policy/parse.ts, which trusts
 * nothing of the shape: Firefox's policies.json and older browsers do not
 * check it.
 */
import type { DeclaredSchema } from '../shape/json-schema';
import { boolean, integer, list, object, optional, record, text, type Optional, type Shape, type Static } from '../shape/shape';
import type { PolicyKey } from './keys';

const open = { open: true } as const;
const strings = () => list(text());

/** A custom profile as a policy value (docs/profile.schema.json), in Chrome's subset. */
const CUSTOM_RULE = object(
  {
    id: optional(text()),
    kind: optional(text()),
    purpose: optional(text()),
    required: optional(boolean()),
    region: optional(text()),
    noInspection: optional(boolean()),
    url: optional(text()),
    urls: optional(strings()),
    username: optional(text()),
    credential: optional(text()),
    reference: optional(boolean()),
    hosts: optional(strings()),
    ports: optional(strings()),
    probeHost: optional(text()),
  },
  open,
);

const KEYS = {
  profileId: text({
    title: 'Profile',
    description: 'The profile every check runs: a built-in vendor profile (senso, remotespark, onsight, custom) or the id of customProfile.',
  }),
  region: text({ title: 'Region', description: "The profile's region, e.g. eu or na for senso. Rules of other regions are not checked." }),
  profileOptions: record(text(), {
    title: 'Profile options',
    description: 'The profile\'s options by id, e.g. {"connection": "legacy"} (customer type) for onsight or {"datacentre": "specific"} for remotespark.',
  }),
  lockProfile: boolean({
    title: 'Lock the profile choice',
    description: 'true (default): users cannot change profile, region or options. false: the pushed profile is only the initial choice.',
  }),
  probeHosts: record(text(), {
    title: 'Probe hosts for wildcard rules',
    description:
      'Rule id -> one concrete host to probe for a tcp/udp rule whose hosts are wildcards or address ranges, e.g. {"senso-cloud": "school.senso.cloud"}.',
  }),
  turnCredentials: record(object({ username: optional(text()), credential: optional(text()) }, open), {
    title: 'TURN credentials',
    description: "Rule id -> {username, credential} for the profile's TURN rules. Used by the checks only: never shown on a page, never written to a report.",
  }),
  customProfile: object(
    {
      id: optional(text()),
      name: optional(text()),
      version: optional(text()),
      source: optional(text()),
      regions: optional(strings()),
      rules: optional(list(CUSTOM_RULE)),
    },
    {
      ...open,
      title: 'Custom profile',
      description: 'A complete profile (docs/profile.schema.json); select it with profileId. Ports are written as strings: "443" or "49152-65535".',
    },
  ),
  deadlineMs: integer({
    title: 'Check deadline (milliseconds)',
    description: 'How long each check waits before calling silence "no answer": 500 to 60000. Default 5000.',
  }),
  runOnStartup: boolean({
    title: 'Run on browser start',
    description: 'Run the checks once when the browser starts (and when the extension is first installed). Off by default.',
  }),
  runEveryMinutes: integer({
    title: 'Run every N minutes',
    description: 'Run the checks every N minutes (1 to 10080) with chrome.alarms; 0 or unset: never. Off by default.',
  }),
  redactIpsInExports: boolean({
    title: 'Hide IP addresses in exports by default',
    description: 'true (default): ticket text and exports replace IP addresses with placeholders unless the user unticks it for one export.',
  }),
  reportEndpoint: object(
    {
      url: optional(text()),
      headers: optional(record(text())),
      site: optional(text()),
      triggers: optional(strings()),
    },
    {
      ...open,
      title: 'Send reports to your OpenTelemetry collector',
      description:
        'Every finished report goes as one OTLP log record to this OTLP/HTTP logs endpoint (docs/fleet.md). url: https only, e.g. https://otel.example.org:4318/v1/logs; headers: static request headers such as {"Authorization": "Bearer ..."} (never shown or reported); site: a label such as the school\'s name; triggers: which runs are sent, any of schedule, startup, user (default: all three). The collector must allow the extension\'s origin (cors.allowed_origins). Unset: nothing is sent.',
    },
  ),
} satisfies Record<PolicyKey, Shape<unknown>>;

/** Every key optional: an admin pushes the ones they need. */
const MANAGED_POLICY = object(
  Object.fromEntries(Object.entries(KEYS).map(([key, shape]) => [key, optional<unknown>(shape)])) as unknown as {
    [K in PolicyKey]: Optional<Static<(typeof KEYS)[K]>>;
  },
  open,
);

/** A policy document as Chrome lets it through (every key optional). */
export type ManagedPolicyDocument = Static<typeof MANAGED_POLICY>;

/** What public/managed-schema.json is made from (scripts/shapes.mjs; no header: Chrome reads the file as it is). */
export const MANAGED_POLICY_DECLARATION: DeclaredSchema = { root: MANAGED_POLICY, definitions: {} };
