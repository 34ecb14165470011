/**
 * The fleet page: one HTML file with its data, uPlot (MIT, 51 KB minified)
 * and its stylesheet inlined, so it opens offline, from a mail attachment or
 * a file share, with no server. uPlot was chosen by size: Observable Plot
 * needs d3 (~10× the size), Vega-Lite with Vega more still. Every state is
 * written in words and symbols (route names on the chart's axis, "worse" /
 * "NOT HEARD FROM" in the tables); colour only repeats them, so the page
 * reads the same in greyscale or printed.
 */
import uplotJs from 'uplot/dist/uPlot.iife.min.js?raw';
import uplotCss from 'uplot/dist/uPlot.min.css?raw';
import { NO_DEVICE_ID, routeRank, type FleetSummary, type Ranked } from '../src/fleet/summary';
import { changeWords, routeWords, suspectWords } from './fleet-words';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const h = (text: string | number) => String(text).replace(/[&<>"']/g, (c) => ESC[c]!);
const utc = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

function table(caption: string, head: string[], rows: string[][], cls = ''): string {
  if (rows.length === 0) return `<p class="none">${h(caption)}: none.</p>`;
  return `<table class="${cls}"><caption>${h(caption)}</caption><thead><tr>${head.map((c) => `<th scope="col">${h(c)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const CHANGE_MARK: Record<string, string> = { worse: '▲ worse', better: '▼ better', same: '= same', changed: '≠ changed', new: '· new' };

function rankedTable(caption: string, what: string, rows: Ranked[]): string {
  const top = Math.max(1, ...rows.map((r) => r.reports));
  return table(
    caption,
    [what, 'reports', 'share', 'sites'],
    rows.map((r) => [
      h(r.name),
      h(r.reports),
      `<span class="bar" aria-hidden="true">${'█'.repeat(Math.max(1, Math.round((r.reports / top) * 20)))}</span>`,
      h(r.sites.join(', ')),
    ]),
    'ranked',
  );
}

/** Route names by rank, for the charts' y axis (index = routeRank). */
const ROUTES = ['hole-punching', 'relay-udp', 'relay-tcp', 'relay-tls', 'none'];

/** The page for `s` (from summarize). */
export function fleetPage(s: FleetSummary): string {
  const silent = s.devices.filter((d) => d.silent);
  const regressions =
    s.since === null
      ? ''
      : `<section id="regressions"><h2>${s.regressions.length === 0 ? `No site got worse since ${h(utc(s.since))}` : `${s.regressions.length} got worse since ${h(utc(s.since))}`}</h2>${table(
          'Regressions, with the first report showing each',
          ['site', 'device', 'first seen', 'report id', 'route', 'new missing rules'],
          s.regressions.map((r) => [
            `<strong>▲ ${h(r.site)}</strong>`,
            h(r.deviceLabel),
            h(utc(r.first.startedAt)),
            `<code>${h(r.first.id)}</code>`,
            r.routeWorse ? `${h(routeWords(r.before))} → <strong>${h(routeWords(r.first))}</strong>` : h(routeWords(r.first)),
            h(r.addedRules.join(', ') || '—'),
          ]),
          'regressions',
        )}</section>`;
  const sites = table(
    'Each site now (its worst device’s latest report), and against the same a week before',
    ['site', 'route now', 'outcome', 'missing rules now', 'since last week', 'devices', 'reports', 'last report'],
    s.sites.map((x) => [
      h(x.site),
      h(routeWords(x.latest)),
      h(x.latest.tone),
      h(x.latest.missingRules.join(', ') || '—'),
      `<span class="change ${h(x.change)}">${h(CHANGE_MARK[x.change] ?? x.change)}</span> ${h(changeWords(x.change, x.addedRules, x.removedRules).replace(/^[a-z ]+(; )?/, ''))}`,
      h(x.devices),
      h(x.reports),
      h(utc(x.lastReportAt)),
    ]),
  );
  const timelines = s.sites
    .map((x, i) => {
      const changes = x.timeline.filter((t, j) => j === 0 || t.route !== x.timeline[j - 1]!.route);
      return `<figure class="timeline"><figcaption>${h(x.site)}: route over time (${x.timeline.length} reports; lower on the chart is better)</figcaption><div class="chart" id="chart-${i}" role="img" aria-label="${h(
        `${x.site}: ${changes.map((c) => `${c.route} from ${utc(c.at)}`).join(', ')}`,
      )}"></div><details><summary>Route changes as text</summary><ul>${changes.map((c) => `<li>${h(utc(c.at))}: ${h(c.route)} (${h(c.device)})</li>`).join('')}</ul></details></figure>`;
    })
    .join('');
  const devices = table(
    'Devices, worst first',
    ['site', 'device', 'heard from', 'route', 'outcome', 'missing rules', 'causes', 'last report', 'version'],
    s.devices.map((d) => [
      h(d.site),
      h(d.label),
      d.device === NO_DEVICE_ID ? 'n/a (no device id)' : d.silent ? '<strong class="silent">✕ NOT HEARD FROM</strong>' : '✓ on schedule',
      h(routeWords(d.latest)),
      h(d.latest.tone),
      h(d.latest.missingRules.join(', ') || '—'),
      h(d.latest.causes.join(', ') || '—'),
      h(utc(d.latest.startedAt)),
      h(d.latest.extensionVersion),
    ]),
  );
  const suspects = table(
    `Records that look forged: first seen since ${utc(s.windowStart)}, bursts, schemas and versions the fleet does not run. Check them: they prove nothing alone`,
    ['site', 'device', 'first report', 'reports', 'why', 'report ids'],
    s.suspects.map((x) => [
      h(x.site),
      `<strong>⚑ ${h(x.deviceLabel)}</strong>`,
      h(utc(x.firstAt)),
      h(x.reports),
      h(suspectWords(x)),
      x.reportIds.map((id) => `<code>${h(id)}</code>`).join(', '),
    ]),
    'suspects',
  );
  // One series per device on a shared time axis (uPlot's data layout): a device's line, not a zig-zag between devices.
  const chartData = s.sites.map((x) => {
    const times = [...new Set(x.timeline.map((t) => t.at))].sort((a, b) => a - b);
    const devices = [...new Set(x.timeline.map((t) => t.device))].sort();
    const series = devices.map((d) =>
      times.map((at) => {
        const hit = x.timeline.find((t) => t.at === at && t.device === d);
        return hit ? routeRank(hit.route) : null;
      }),
    );
    return { devices, data: [times.map((t) => t / 1000), ...series] };
  });
  const json = JSON.stringify({ charts: chartData, routes: ROUTES }).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>WebRTC Network Check — fleet, ${h(utc(s.now))}</title>
<style>${uplotCss}
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:72rem;padding:0 1rem;color:#111;background:#fff}
h1{font-size:1.5rem;margin:0 0 .25rem}h2{font-size:1.2rem;margin:1.75rem 0 .5rem;border-bottom:2px solid #111}
table{border-collapse:collapse;width:100%;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid #777;padding:.25rem .4rem;text-align:left;vertical-align:top}thead th{background:#eee}
.change.worse,.silent,.regressions strong{font-weight:700}.change.worse{text-decoration:underline}
.bar{font-family:monospace;letter-spacing:-1px}.none{font-style:italic}
.timelines{display:grid;grid-template-columns:repeat(auto-fill,minmax(34rem,1fr));gap:1rem}
figure{margin:0;border:1px solid #777;padding:.5rem}figcaption{font-weight:600}
code{font-size:.85em}
</style></head><body>
<header><h1>WebRTC Network Check — fleet</h1>
<p>${h(s.reports)} reports from ${h(s.sites.length)} sites and ${h(s.devices.length)} devices, as of ${h(utc(s.now))}. ${silent.length > 0 ? `<strong class="silent">✕ ${h(silent.length)} not heard from</strong> within twice the schedule.` : 'Every identified device reported within twice the schedule.'}</p></header>
<main>
${regressions}
<section id="sites"><h2>Sites</h2>${sites}</section>
<section id="timelines"><h2>Route over time, per site</h2><div class="timelines">${timelines}</div></section>
<section id="devices"><h2>Devices</h2>${devices}</section>
<section id="suspects"><h2>${s.suspects.length === 0 ? 'No record shows the signs of a forgery' : `⚑ ${h(s.suspects.length)} ${s.suspects.length === 1 ? 'sign' : 'signs'} of forged records`}</h2>${suspects}</section>
<section id="rules"><h2>What is missing, and why</h2>${rankedTable('Missing rules across the district', 'rule', s.missingRules)}${rankedTable('Causes across the district', 'cause', s.causes)}</section>
</main>
<script type="application/json" id="fleet-data">${json}</script>
<script>${uplotJs}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById('fleet-data').textContent);
  // Devices told apart by dash pattern and point shape size, not by colour.
  var DASH = [[], [8, 4], [2, 3], [12, 4, 2, 4], [4, 8]];
  data.charts.forEach(function (c, i) {
    var el = document.getElementById('chart-' + i);
    new uPlot({
      width: Math.min(560, el.clientWidth || 560), height: 200, legend: { show: true, live: false },
      scales: { x: { time: true }, y: { range: [-0.5, data.routes.length - 0.5] } },
      axes: [{ stroke: '#111' }, { stroke: '#111', size: 100, splits: function () { return data.routes.map(function (_, k) { return k; }); },
        values: function (_, ticks) { return ticks.map(function (t) { return data.routes[t] || ''; }); } }],
      series: [{ label: 'time' }].concat(c.devices.map(function (name, k) {
        return { label: name, stroke: '#111', width: 2, dash: DASH[k % DASH.length], spanGaps: true,
          paths: uPlot.paths.stepped({ align: 1 }), points: { show: true, size: 6 + 2 * (k % 3), stroke: '#111', fill: k % 2 ? '#111' : '#fff' } };
      }))
    }, c.data, el);
  });
  document.documentElement.dataset.charts = String(data.charts.length);
})();
</script>
</body></html>
`;
}
