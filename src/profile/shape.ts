/**
 * A vendor profile document, declared once (builders: src/shape/shape.ts):
 * scripts/shapes.mjs writes it as docs/profile.schema.json, the schema people
 * and tools write profiles against. The extension reads a profile with
 * `validateProfile` (src/profile/validate.ts), which checks more than this
 * schema can (unique ids, regions, probe hosts, URI syntax) and keeps every
 * valid rule of a profile with bad ones; the bounds both use are LIMITS and
 * MAX_RULES from there. A validated `Profile` is a document this schema
 * accepts (`HeldEqual` below: the validator only fills in defaults).
 */
import type { DeclaredSchema } from '../shape/json-schema';
import { boolean, constant, integer, list, object, oneOf, optional, ref, text, union, type Doc, type Shape, type Static } from '../shape/shape';
import { LIMITS } from './rule';
import { TARGET_LIMITS } from './targets';
import type { PortSpec, Profile, RuleKind } from './types';
import { MAX_RULES } from './validate';

const DESCRIPTION =
  "Which servers and ports a video-call product needs. Data only. The extension validates field by field with src/profile/validate.ts, which also checks what a schema cannot: unique rule ids, rule regions among the profile's regions, a probeHost matching the rule's hosts, full RFC 7064/7065 URI syntax (src/ice/uri.ts).";

const ID = text({ minLength: 1, maxLength: LIMITS.id, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' });
const TEXT = text({ minLength: 1, maxLength: LIMITS.text });
const REGION = text({ pattern: '^[a-z][a-z0-9-]{0,15}$' });
const SECRET = text({ minLength: 1, maxLength: TARGET_LIMITS.secret, description: 'Never copied into a report.' });
const ICE_URI = text({
  maxLength: TARGET_LIMITS.url,
  description:
    'RFC 7064/7065: stun:host[:port], turn:host[:port][?transport=udp|tcp], turns:host[:port][?transport=tcp]. IPv6 in brackets. Default ports 3478 (stun, turn), 5349 (turns).',
  pattern: '^([sS][tT][uU][nN]|[tT][uU][rR][nN][sS]?):([A-Za-z0-9_.-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?(\\?transport=(udp|tcp))?$',
});
const HOST_PATTERN = text({
  minLength: 1,
  maxLength: TARGET_LIMITS.host,
  description: 'A host name, a wildcard (*.example.org), an IPv4/IPv6 address or a CIDR range.',
  pattern: '^(\\*\\.)?[A-Za-z0-9_.:-]+(/[0-9]{1,3})?$',
});
const PORT: Shape<PortSpec> = union([integer({ minimum: 1, maximum: 65535 }), text<`${number}-${number}`>({ pattern: '^[0-9]{1,5}-[0-9]{1,5}$' })], {
  description: 'A port, or an inclusive range "from-to".',
});

const idRef = (options?: Doc) => ref<string>('id', options);
const textRef = (options?: Doc) => ref<string>('text', options);
const regionRef = (options?: Doc) => ref<string>('region', options);
const secretRef = () => ref<string>('secret');
const purposeRef = () => ref<string>('purpose');
const requiredFlagRef = () => ref<boolean>('requiredFlag');
const ruleRegionRef = () => ref<string>('ruleRegion');
const noInspectionRef = () => ref<boolean>('noInspection');

/** The fields every rule has; `kind` picks the rest. */
const common = <K extends RuleKind>(kind: Shape<K>) => ({
  id: idRef(),
  purpose: purposeRef(),
  required: optional(requiredFlagRef()),
  region: optional(ruleRegionRef()),
  noInspection: optional(noInspectionRef()),
  kind,
});

const webUrl = (scheme: string) =>
  text({ maxLength: LIMITS.url, pattern: `^${scheme}://[^\\s*@/]+(/.*)?$`, description: `A ${scheme}:// URL naming a concrete host, without credentials.` });

const HTTPS_RULE = object({ ...common(constant('https')), url: webUrl('https') });
const WSS_RULE = object({ ...common(constant('wss')), url: webUrl('wss') });
const ICE_SERVER_RULE = object(
  {
    ...common(oneOf(['stun', 'turn'])),
    urls: list(ref<string>('iceUri'), {
      minItems: 1,
      maxItems: TARGET_LIMITS.listItems,
      description: 'stun: URLs for stun rules; turn:/turns: URLs for turn rules.',
    }),
    username: optional(secretRef()),
    credential: optional(secretRef()),
    reference: optional(
      boolean({
        description:
          "stun rules only: a STUN server outside the vendor's addresses (the district's own, or a public one) named as a reference. Its answer is the only evidence that UDP from the network reaches addresses beyond the vendor's, which hole punching needs; without one, hole punching stays unverified. Give it a URL on a port no rule of the guide opens (above 1023, e.g. 40000): only an answer there shows a peer's kind of address and port at once. Never a vendor server.",
      }),
    ),
  },
  { dependencies: { username: ['credential'], credential: ['username'] } },
);
const HOST_PORT_RULE = object({
  ...common(oneOf(['tcp', 'udp'])),
  hosts: list(ref<string>('hostPattern'), {
    minItems: 0,
    maxItems: TARGET_LIMITS.listItems,
    description: "Empty only where the vendor's document lost the destination: the rule is kept and listed to verify.",
  }),
  ports: list(ref<PortSpec>('port'), { minItems: 1, maxItems: TARGET_LIMITS.listItems }),
  probeHost: optional(
    text({
      minLength: 1,
      maxLength: TARGET_LIMITS.host,
      pattern: '^[A-Za-z0-9_.:-]+$',
      description: 'A concrete host matching hosts, to probe a wildcard or range (TCP 443/80 are probed over HTTP(S)).',
    }),
  ),
});

/** A rule: exactly one of the four kinds of rule (their `kind`s do not overlap). */
const RULE = union([
  ref<Static<typeof HTTPS_RULE>>('httpsRule'),
  ref<Static<typeof WSS_RULE>>('wssRule'),
  ref<Static<typeof ICE_SERVER_RULE>>('iceServerRule'),
  ref<Static<typeof HOST_PORT_RULE>>('hostPortRule'),
]);

const PROFILE_DOCUMENT = object({
  $schema: optional(text()),
  description: optional(text()),
  id: idRef(),
  name: textRef(),
  version: text({ minLength: 1, maxLength: LIMITS.id, description: "The profile's own version, e.g. the vendor document's date." }),
  regions: optional(list(regionRef(), { minItems: 1, maxItems: 20, description: 'Regions a rule may be limited to, e.g. eu, na.' })),
  source: optional(text({ minLength: 1, maxLength: LIMITS.url, description: 'The vendor document the rules come from (title or URL).' })),
  rules: list(ref<Static<typeof RULE>>('rule'), {
    minItems: 1,
    maxItems: MAX_RULES,
    description:
      'At most 1000 targets (URLs, STUN/TURN URLs and hosts) in all the rules together: what one run can check and its report can hold. The validator keeps the rules up to the bound and names the first rule over it (`too-many`).',
  }),
});

/** What docs/profile.schema.json is made from (scripts/shapes.mjs). */
export const PROFILE_DECLARATION: DeclaredSchema = {
  header: { $id: 'https://webrtc-network-check.invalid/profile.schema.json', title: 'WebRTC Network Check vendor profile', description: DESCRIPTION },
  root: PROFILE_DOCUMENT,
  definitions: {
    id: ID,
    text: TEXT,
    region: REGION,
    secret: SECRET,
    purpose: textRef({ description: "The vendor's own words: what breaks without this rule." }),
    requiredFlag: boolean({ default: true, description: 'false = the vendor calls the rule optional.' }),
    ruleRegion: regionRef({ description: "The rule applies only when this region (one of the profile's regions) is chosen." }),
    noInspection: boolean({ default: false, description: 'The vendor asks to exclude this traffic from SSL / packet inspection.' }),
    iceUri: ICE_URI,
    hostPattern: HOST_PATTERN,
    port: PORT,
    rule: RULE,
    httpsRule: HTTPS_RULE,
    wssRule: WSS_RULE,
    iceServerRule: ICE_SERVER_RULE,
    hostPortRule: HOST_PORT_RULE,
  },
};

/** A profile document as the schema accepts it (defaults not filled in). */
export type ProfileDocument = Static<typeof PROFILE_DOCUMENT>;

/** A validated profile is a document the schema accepts: the validator only fills in defaults and drops what is wrong. */
export type HeldEqual = [Profile] extends [ProfileDocument] ? true : never;
export const PROFILE_IS_A_DOCUMENT: HeldEqual = true;
