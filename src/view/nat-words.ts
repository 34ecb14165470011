/**
 * The NAT line of Details for IT, the printable page and the ticket text:
 * the mapping in the reader's words (it was the raw value, "unknown", in
 * every language) and the reasoning phrase. A module of its own so the
 * popup's chunk below the headline does not load all of report/labels.ts.
 */
import type { MessageKey, Translate } from '../i18n/translate';
import type { Phrase } from '../i18n/phrase';
import { say } from '../i18n/words';
import type { NatMapping } from '../ice/nat';

const NAT_MAPPING_KEYS = {
  none: 'nat_mapping_none',
  'endpoint-independent': 'nat_mapping_endpoint_independent',
  'endpoint-dependent': 'nat_mapping_endpoint_dependent',
  unknown: 'nat_mapping_unknown',
} as const satisfies Record<NatMapping, MessageKey>;

/** The NAT's mapping behaviour in the reader's words. */
export const natMappingLabel = (t: Translate, mapping: NatMapping) => t(NAT_MAPPING_KEYS[mapping]);

/** "NAT: endpoint-independent — <why>", the line Details for IT, the printable page and the ticket text show. */
export const natLine = (t: Translate, nat: { mapping: NatMapping; reason: Phrase }) => t('report_nat', [natMappingLabel(t, nat.mapping), say(t, nat.reason)]);
