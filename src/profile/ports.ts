import type { PortSpec } from './types';

export interface PortRange {
  from: number;
  to: number;
}

const RANGE = /^(\d{1,5})-(\d{1,5})$/;

/** A port or "from-to" range with 1 <= from <= to <= 65535, or null. */
export function parsePortSpec(spec: unknown): PortRange | null {
  if (typeof spec === 'number') return isPort(spec) ? { from: spec, to: spec } : null;
  if (typeof spec !== 'string') return null;
  const match = RANGE.exec(spec);
  if (!match) return null;
  const from = Number(match[1]);
  const to = Number(match[2]);
  return isPort(from) && isPort(to) && from <= to ? { from, to } : null;
}

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

export function portRanges(specs: readonly PortSpec[]): PortRange[] {
  return specs.flatMap((spec) => parsePortSpec(spec) ?? []);
}

export function formatPortRange({ from, to }: PortRange): string {
  return from === to ? String(from) : `${from}-${to}`;
}

export function rangeIncludes(range: PortRange, port: number): boolean {
  return port >= range.from && port <= range.to;
}
