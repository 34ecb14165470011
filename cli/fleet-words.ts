/** Words for the fleet view's states, shared by the text tables and the page: never a colour alone. */
import type { FleetReport } from '../src/fleet/summary';

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
