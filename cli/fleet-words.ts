/** Words for the fleet view's states, shared by the text tables and the page: never a colour alone. */
import type { FleetReport } from '../src/fleet/summary';
import { BURST_SPAN_MS, knownSchema, type Suspect } from '../src/fleet/suspect';

/** Words for a report's state, never a colour: route, whether proven, outcome. */
export function routeWords(r: FleetReport): string {
  return `${r.route}${r.routeVerified ? '' : ' (unproven)'}`;
}

/** "worse; +rule; fixed rule": how a report compares with an earlier one. */
export function changeWords(change: string, added: string[], removed: string[]): string {
  const parts = [change === 'new' ? 'no report a week before' : change];
  if (added.length > 0) parts.push(`+${added.join(', +')}`);
  if (removed.length > 0) parts.push(`fixed ${removed.join(', ')}`);
  return parts.join('; ');
}

/** What made a record look forged, in words (src/fleet/suspect.ts). */
export function suspectWords(s: Suspect): string {
  switch (s.kind) {
    case 'new-device':
      return `device first seen in the recent window (${s.value.slice(0, 16).replace('T', ' ')} UTC), after the fleet had reported for longer`;
    case 'burst':
      return `${s.value} reports within ${BURST_SPAN_MS / 60_000} min (a device sends at most a few)`;
    case 'unknown-schema':
      return knownSchema(s.value) ? `report schema ${s.value}, which no other device writes` : `report schema ${s.value}, which this tool does not know`;
    case 'unknown-version':
      return `extension version ${s.value}, which no other device runs`;
  }
}
