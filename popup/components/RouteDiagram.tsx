import type { MessageKey } from '../../src/i18n/message-keys';
import type { Report } from '../../src/report/types';
import { diagramLinks, type LinkState } from '../../src/view/diagram';
import { t } from '../shared/i18n';

const STATE_KEY: Record<LinkState, MessageKey> = {
  ok: 'popup_link_ok',
  partial: 'popup_link_partial',
  failed: 'popup_link_failed',
  unknown: 'popup_link_unknown',
};
const STATE_ICON: Record<LinkState, string> = { ok: '✓', partial: '▲', failed: '✕', unknown: '?' };

interface Node {
  key: MessageKey;
  x: number;
  y: number;
  w: number;
}
const H = 24;
const DEVICE: Node = { key: 'popup_diagram_device', x: 2, y: 38, w: 88 };
const NETWORK: Node = { key: 'popup_diagram_network', x: 108, y: 38, w: 92 };
const INTERNET: Node = { key: 'popup_diagram_internet', x: 218, y: 38, w: 66 };
const STUN: Node = { key: 'popup_diagram_stun', x: 344, y: 4, w: 130 };
const TURN: Node = { key: 'popup_diagram_turn', x: 344, y: 38, w: 130 };
const VENDOR: Node = { key: 'popup_diagram_vendor', x: 344, y: 72, w: 130 };
/** Roughly how many characters of the 10.5 px label fit per pixel; longer labels are squeezed to fit, never cut. */
const CHARS_PER_PX = 1 / 6.2;

function linkText(from: Node, to: Node, state: LinkState): string {
  return t('popup_link_text', [t(from.key), t(to.key), t(STATE_KEY[state])]);
}

function Link({ from, to, state }: { from: Node; to: Node; state: LinkState }) {
  const x1 = from.x + from.w;
  const y1 = from.y + H / 2;
  const x2 = to.x;
  const y2 = to.y + H / 2;
  // The mark sits near the far end, so the three links fanning out of "Internet" keep theirs apart.
  const at = to.x - from.x - from.w > 40 ? 0.7 : 0.5;
  const label = linkText(from, to, state);
  return (
    <g class={`link link-${state}`} data-state={state}>
      <title>{label}</title>
      <line x1={x1} y1={y1} x2={x2} y2={y2} />
      <text x={x1 + (x2 - x1) * at} y={y1 + (y2 - y1) * at - 4} text-anchor="middle" aria-hidden="true">
        {STATE_ICON[state]}
      </text>
    </g>
  );
}

function Box({ node }: { node: Node }) {
  const label = t(node.key);
  const squeeze = label.length > node.w * CHARS_PER_PX ? { textLength: node.w - 8, lengthAdjust: 'spacingAndGlyphs' } : {};
  return (
    <g class="node">
      <rect x={node.x} y={node.y} width={node.w} height={H} rx="4" />
      <text x={node.x + node.w / 2} y={node.y + 16} text-anchor="middle" {...squeeze}>
        {label}
      </text>
    </g>
  );
}

/** This device -> its network/NAT -> the internet -> STUN, TURN, vendor services; links coloured, marked and titled by what passed. */
export function RouteDiagram({ report }: { report: Report }) {
  const links = diagramLinks(report);
  // role="img" hides the links' titles from screen readers: the name itself says which link failed.
  const name = [
    t('popup_diagram_label'),
    ...[
      [DEVICE, NETWORK, links.device],
      [NETWORK, INTERNET, links.internet],
      [INTERNET, STUN, links.stun],
      [INTERNET, TURN, links.turn],
      [INTERNET, VENDOR, links.vendor],
    ].map(([from, to, state]) => linkText(from as Node, to as Node, state as LinkState)),
  ].join('. ');
  return (
    <svg class="diagram" viewBox="0 0 476 100" role="img" aria-label={name} data-testid="diagram">
      <Link from={DEVICE} to={NETWORK} state={links.device} />
      <Link from={NETWORK} to={INTERNET} state={links.internet} />
      <Link from={INTERNET} to={STUN} state={links.stun} />
      <Link from={INTERNET} to={TURN} state={links.turn} />
      <Link from={INTERNET} to={VENDOR} state={links.vendor} />
      {[DEVICE, NETWORK, INTERNET, STUN, TURN, VENDOR].map((node) => (
        <Box key={node.key} node={node} />
      ))}
    </svg>
  );
}
