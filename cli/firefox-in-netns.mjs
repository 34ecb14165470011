#!/usr/bin/env node
// Puppeteer starts this instead of Firefox when a test runs the browser inside
// a lab namespace. Firefox speaks WebDriver BiDi over a WebSocket on the
// namespace's own loopback, which the test process (outside) cannot reach, and
// BiDi has no pipe mode. So: Firefox listens on a fixed port inside the
// namespace, a relay inside forwards a Unix socket (file-system sockets cross
// namespaces) to it, and this process listens on a free loopback port outside
// and forwards to that socket. Both ports have the same number: Firefox refuses
// a WebSocket whose Host header names another port (400). Puppeteer kills the
// whole process group on close.
//
// With WNC_POLICY_DIR and WNC_POLICY_TARGET set, that folder is bind-mounted over
// the policy folder Firefox reads (e.g. /etc/firefox/policies) in a private mount
// namespace: this Firefox reads the test's policies.json at the real path, no
// other process on the machine sees it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const netns = process.env.WNC_NETNS;
const firefox = process.env.WNC_FIREFOX || '/usr/bin/firefox-esr';
const dir = mkdtempSync(join(tmpdir(), 'wnc-bidi-'));
const socket = join(dir, 'bidi.sock');
const cleanup = () => rmSync(dir, { recursive: true, force: true });

const outside = createServer((c) => {
  const t = createConnection(socket);
  c.pipe(t);
  t.pipe(c);
  c.on('error', () => t.destroy());
  t.on('error', () => c.destroy());
});
outside.listen(0, '127.0.0.1', () => {
  const { port } = outside.address();
  const args = process.argv.slice(2).map((a) => (a.startsWith('--remote-debugging-port=') ? `--remote-debugging-port=${port}` : a));
  const relayCode = `require('node:net').createServer((c) => { const t = require('node:net').connect(${port}, '127.0.0.1'); c.pipe(t); t.pipe(c); c.on('error', () => t.destroy()); t.on('error', () => c.destroy()); }).listen(${JSON.stringify(socket)});`;
  const relay = spawn('ip', ['netns', 'exec', netns, process.execPath, '-e', relayCode], { stdio: 'ignore' });
  const policyDir = process.env.WNC_POLICY_DIR;
  const policyTarget = process.env.WNC_POLICY_TARGET;
  const browser = policyDir
    ? spawn(
        'unshare',
        [
          '--mount',
          '--propagation',
          'private',
          '/bin/sh',
          '-c',
          'mount --bind "$WNC_POLICY_DIR" "$WNC_POLICY_TARGET" && exec ip netns exec "$WNC_NETNS" "$WNC_FIREFOX" "$@"',
          'firefox',
          ...args,
        ],
        { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, WNC_POLICY_TARGET: policyTarget, WNC_FIREFOX: firefox } },
      )
    : spawn('ip', ['netns', 'exec', netns, firefox, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
  const stop = () => {
    relay.kill('SIGKILL');
    browser.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  browser.on('exit', (code) => {
    relay.kill('SIGKILL');
    outside.close();
    cleanup();
    process.exit(code ?? 0);
  });
});
