/**
 * Textual address checks (IP literals, DNS names), shared by the URI, candidate
 * and profile parsers. Written by hand rather than taken from `node:net` because
 * this code also runs in the extension, where Node modules do not exist.
 */

const IPV4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Dotted quad, no leading zeros (`010.0.0.1` is octal to some parsers: refuse it). */
export function isIPv4(text: string): boolean {
  const parts = text.split('.');
  return parts.length === 4 && parts.every((part) => IPV4_OCTET.test(part));
}

const HEXTET = /^[0-9a-fA-F]{1,4}$/;

/** RFC 4291 text form, with `::` compression and an optional trailing dotted quad. Zone ids are refused. */
export function isIPv6(text: string): boolean {
  if (text.length > 45 || text.includes('%')) return false;
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((half) => (half === '' ? [] : [half.split(':')]));
  const hextets = groups.flat();
  let count = 0;
  for (const [index, group] of hextets.entries()) {
    const isLast = index === hextets.length - 1;
    if (isLast && group.includes('.') && text.endsWith(group)) {
      if (!isIPv4(group)) return false;
      count += 2;
    } else if (HEXTET.test(group)) {
      count += 1;
    } else {
      return false;
    }
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

export function isIP(text: string): boolean {
  return isIPv4(text) || isIPv6(text);
}

const LABEL = /^[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?$/i;

/**
 * A DNS host name: letter-digit-hyphen labels (underscore tolerated, some
 * internal zones use it). The last label may not be all digits, so that a
 * malformed IPv4 literal such as `10.0.0.256` is not mistaken for a name.
 */
export function isDnsName(text: string): boolean {
  const name = text.endsWith('.') ? text.slice(0, -1) : text;
  if (name.length === 0 || name.length > 253) return false;
  const labels = name.split('.');
  return labels.every((label) => LABEL.test(label)) && !/^\d+$/.test(labels[labels.length - 1] ?? '');
}

/**
 * A host candidate address the browser replaced by an mDNS name (`<uuid>.local`,
 * draft-ietf-mmusic-mdns-ice-candidates) to hide the real IP: web pages in every
 * browser, and Firefox's extension background page too (measured, docs/measured.md).
 * It says the device has a local address, never which one.
 */
export function isMdnsName(address: string): boolean {
  return /\.local\.?$/i.test(address);
}
