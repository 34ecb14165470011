/**
 * Reads the coverage tables of docs/profiles.md: one table per vendor guide,
 * announced by `<!-- coverage: <profile id> -->`. Only what is in backticks in
 * the host, port and rule columns counts, so prose such as "(host lost)" can
 * sit beside it without being checked.
 */

export type Tested = 'direct' | 'indirect' | 'untestable';

export interface CoverageRow {
  /** The guide's table or section, e.g. "Table 2-3 US West". */
  guide: string;
  hosts: string[];
  ports: string[];
  ruleIds: string[];
  /** null for a note row, which names no firewall rule. */
  tested: Tested | null;
  /** The whole line, for failure messages. */
  line: string;
}

const COLUMNS = ['guide', 'host / IP range', 'port(s)', 'protocol', "purpose (vendor's words)", 'region / option', 'rule', 'tested'];

export function coverageTables(markdown: string): Map<string, CoverageRow[]> {
  const tables = new Map<string, CoverageRow[]>();
  const lines = markdown.split('\n');
  lines.forEach((line, index) => {
    const marker = /^<!-- coverage: ([a-z0-9-]+) -->$/.exec(line.trim());
    if (marker) tables.set(marker[1]!, readTable(lines.slice(index + 1)));
  });
  return tables;
}

function readTable(lines: string[]): CoverageRow[] {
  const tableLines = lines.slice(
    0,
    lines.findIndex((line) => !line.startsWith('|')),
  );
  const [header, _separator, ...rows] = tableLines;
  if (header === undefined || cells(header).join('|') !== COLUMNS.join('|')) {
    throw new Error(`a coverage table must start with the header | ${COLUMNS.join(' | ')} |, got ${header}`);
  }
  return rows.map(readRow);
}

function readRow(line: string): CoverageRow {
  const row = cells(line);
  if (row.length !== COLUMNS.length) throw new Error(`expected ${COLUMNS.length} cells: ${line}`);
  const [guide, hosts, ports, , , , rules, tested] = row as [string, string, string, string, string, string, string, string];
  return { guide, hosts: quoted(hosts), ports: quoted(ports), ruleIds: quoted(rules), tested: testedWord(tested, line), line };
}

function testedWord(cell: string, line: string): Tested | null {
  const word = /^\*\*(direct|indirect|untestable)\*\*/.exec(cell)?.[1];
  if (word !== undefined) return word as Tested;
  if (cell.startsWith('—')) return null;
  throw new Error(`the tested cell must start with **direct**, **indirect**, **untestable** or —: ${line}`);
}

/** Cells of a `| a | b |` line. No cell in these tables contains a `|`. */
function cells(line: string): string[] {
  return line
    .split('|')
    .slice(1, -1)
    .map((cell) => cell.trim());
}

function quoted(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
}
