/**
 * Ports a browser refuses to connect to. Chrome's list (net/base/port_util.cc)
 * is the Fetch standard's "bad port" list; Chrome also applies it to STUN/TURN:
 * TURN over TCP fails at once with "Failed to create TURN client socket.", and
 * over UDP nothing is sent and the 40 s timeout follows (measured, Chromium 156).
 */
export const BROWSER_BLOCKED_PORTS: ReadonlySet<number> = new Set([
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137,
  139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049,
  3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080,
]);

/**
 * Push-notification ports: used by the operating system or a native app, never
 * by a web page, so a browser test says nothing about them.
 */
export const PUSH_PORTS: ReadonlyArray<{ from: number; to: number; service: string }> = [
  { from: 5223, to: 5223, service: 'Apple Push Notification service' },
  { from: 2197, to: 2197, service: 'Apple Push Notification service' },
  { from: 5228, to: 5230, service: 'Firebase Cloud Messaging (Android/Chrome push)' },
];

export function isBrowserBlockedPort(port: number): boolean {
  return BROWSER_BLOCKED_PORTS.has(port);
}

export function pushServiceOn(port: number): string | null {
  return PUSH_PORTS.find((range) => port >= range.from && port <= range.to)?.service ?? null;
}
