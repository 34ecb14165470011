import type { Translate } from '../../src/i18n/translate';
import { methodLabel, methodStatusLabel } from '../../src/report/labels';
import type { Verdict } from '../../src/verdict';

const COLORS = { available: '#1a7f37', unverified: '#9a6700', unavailable: '#cf222e', untested: '#6e7781' } as const;
const ROW = 46;
const TOP = 30;
/** Roughly the width of a 14 px label character; a longer label is squeezed into its box, never cut or spilled. */
const PX_PER_CHAR = 7.6;
const BOX_TEXT = 120;

function fit(label: string) {
  return label.length * PX_PER_CHAR > BOX_TEXT ? { textLength: BOX_TEXT, lengthAdjust: 'spacingAndGlyphs' } : {};
}

/**
 * The browser on the left, the other participants on the right, one path per
 * routing method between them, coloured by its status; the route calls will
 * take is drawn thick. Inline SVG so it prints with the page.
 */
export function RouteDiagram({ verdict, t }: { verdict: Verdict; t: Translate }) {
  const height = TOP + verdict.methods.length * ROW + 10;
  const mid = TOP + (verdict.methods.length * ROW) / 2 - 8;
  // role="img" hides the drawing: its name says what each path is, so a screen reader hears it too.
  const name = [t('report_diagram_title'), ...verdict.methods.map((m) => `${methodLabel(t, m.method)}: ${methodStatusLabel(t, m.status)}`)].join('. ');
  return (
    <figure class="route-diagram">
      <svg viewBox={`0 0 720 ${height}`} width="100%" role="img" aria-label={name} data-testid="route-diagram">
        <g class="box">
          <rect x="4" y={mid - 22} width="130" height="44" rx="6" fill="#f6f8fa" stroke="#24292f" />
          <text x="69" y={mid + 5} text-anchor="middle" font-size="14" {...fit(t('report_diagram_browser'))}>
            {t('report_diagram_browser')}
          </text>
        </g>
        <g class="box">
          <rect x="586" y={mid - 22} width="130" height="44" rx="6" fill="#f6f8fa" stroke="#24292f" />
          <text x="651" y={mid + 5} text-anchor="middle" font-size="14" {...fit(t('report_diagram_peer'))}>
            {t('report_diagram_peer')}
          </text>
        </g>
        {verdict.methods.map((m, i) => {
          const y = TOP + i * ROW + 10;
          const chosen = m.method === verdict.route;
          const color = COLORS[m.status];
          const dash = m.status === 'unavailable' || m.status === 'untested' ? '6 5' : undefined;
          const width = chosen ? 4 : 1.6;
          return (
            <g key={m.method} data-method={m.method} data-status={m.status}>
              <path d={`M134 ${mid} C 170 ${mid}, 170 ${y}, 210 ${y}`} fill="none" stroke={color} stroke-width={width} stroke-dasharray={dash} />
              <rect x="210" y={y - 17} width="300" height="34" rx="17" fill="#fff" stroke={color} stroke-width={width} />
              <text x="360" y={y - 1} text-anchor="middle" font-size="13" font-weight={chosen ? 'bold' : 'normal'}>
                {methodLabel(t, m.method)}
              </text>
              <text x="360" y={y + 12} text-anchor="middle" font-size="11" fill={color}>
                {methodStatusLabel(t, m.status)}
                {chosen ? ` — ${t('report_diagram_chosen')}` : ''}
              </text>
              <path d={`M510 ${y} C 550 ${y}, 550 ${mid}, 586 ${mid}`} fill="none" stroke={color} stroke-width={width} stroke-dasharray={dash} />
            </g>
          );
        })}
      </svg>
      <figcaption>{t('report_diagram_title')}</figcaption>
    </figure>
  );
}
