import { phrase } from '../i18n/phrase';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CAUSE_INFO, CAUSE_TABLE, CAUSES, causeContext, causeFindingOf, causeOf, causeRowOf, type CauseContext } from './cause';
import { runFacts } from './endpoints';
import type { CheckResult } from './types';

let seq = 0;
function check(overrides: Partial<CheckResult>): CheckResult {
  return {
    id: `r#${++seq}`,
    ruleId: 'r',
    kind: 'https',
    target: 'https://a.example/',
    transport: 'tls',
    status: 'fail',
    reason: 'timeout',
    detail: phrase('detail_no_answer_within', { seconds: '5 s' }),
    durationMs: 5_000,
    ...overrides,
  };
}
const pass = (overrides: Partial<CheckResult>) => check({ status: 'pass', reason: null, ...overrides });
const stun = (target: string, overrides: Partial<CheckResult> = {}) => check({ kind: 'stun', transport: 'udp', target, ...overrides });
const turn = (target: string, transport: 'udp' | 'tcp' | 'tls', overrides: Partial<CheckResult> = {}) =>
  check({ kind: 'turn', transport, target, ...overrides });
const web = (target: string, overrides: Partial<CheckResult> = {}) => check({ kind: 'https', transport: 'tls', target, ...overrides });

/** The cause row of every check of one run, by check id, decided with the whole run as context. */
function rowsOf(checks: CheckResult[], offline = false): Record<string, string | null> {
  const context = causeContext(checks, offline);
  return Object.fromEntries(checks.map((c) => [c.id, causeRowOf(c, context)?.id ?? null]));
}
const alone = (c: CheckResult, extra: Partial<CauseContext> = {}): CauseContext => ({ ...causeContext([c], false), ...extra });

/** One run per CAUSE_TABLE row: the checks, and the one whose cause that row decides. */
const ROW_CASES: Record<string, () => { checks: CheckResult[]; subject: CheckResult; context?: Partial<CauseContext> }> = {
  'this-device.offline': () => {
    const subject = check({ reason: 'timeout' });
    return { checks: [subject], subject, context: { offline: true } };
  },
  'this-device.webrtc-setting': () => {
    const subject = turn('turn:t.example:3478?transport=tcp', 'tcp');
    return { checks: [subject], subject, context: { iceForbidden: 'all' } };
  },
  'this-device.browser': () => {
    const subject = check({ reason: 'blocked', detail: phrase('detail_browser_blocked'), evidence: 'net::ERR_BLOCKED_BY_ADMINISTRATOR' });
    return { checks: [subject], subject };
  },
  'relay-credentials.rejected': () => {
    const subject = turn('turn:t.example:3478?transport=tcp', 'tcp', { reason: 'auth-401' });
    return { checks: [subject], subject };
  },
  'dns-filter.unresolved': () => {
    const subject = check({ reason: 'dns' });
    return { checks: [subject], subject };
  },
  'dns-filter.sinkhole': () => {
    // The web app's name led to 0.0.0.0; the STUN server of the same name is silent.
    const app = web('https://media.example.com/', { reason: 'refused', address: '0.0.0.0' });
    const subject = stun('stun:media.example.com:3478');
    return { checks: [app, subject, pass({ kind: 'https', target: 'https://other.example/', address: '198.51.100.7' })], subject };
  },
  'dns-filter.block-page': () => {
    const subject = web('https://media.example.com/', { reason: 'cert-name-mismatch', address: '198.51.100.99' });
    const other = web('https://api.example.com/', { reason: 'cert-name-mismatch', address: '198.51.100.99' });
    return { checks: [subject, other], subject };
  },
  'proxy.refused': () => {
    const subject = check({ reason: 'proxy-auth' });
    return { checks: [subject], subject };
  },
  'proxy.inspection': () => {
    const subject = check({ reason: 'cert-untrusted', address: '198.51.100.7' });
    return { checks: [subject], subject };
  },
  'proxy.inspection-turn': () => {
    // A transparent middlebox re-signs HTTPS and breaks TURN inside TLS; TURN over TCP 3478 answers.
    const subject = turn('turns:turn.example.com:443?transport=tcp', 'tls', { reason: 'refused' });
    const app = web('https://app.example.com/', { reason: 'cert-untrusted' });
    return { checks: [subject, app, pass({ kind: 'turn', transport: 'tcp', target: 'turn:turn.example.com:3478?transport=tcp' })], subject };
  },
  'vendor-server.not-turn': () => {
    // turns: points at the vendor's web server: HTTPS answers on the very host and port.
    const subject = turn('turns:app.example.com:443?transport=tcp', 'tls', { reason: 'refused' });
    return { checks: [subject, pass({ target: 'https://app.example.com/' })], subject };
  },
  'proxy.tls-broken': () => {
    const subject = check({ reason: 'tls-failed' });
    return { checks: [subject, web('https://b.example/', { reason: 'proxy' })], subject };
  },
  'proxy.turn-connect': () => {
    const subject = turn('turn:t.example:3478?transport=tcp', 'tcp', { reason: 'refused' });
    return { checks: [subject, web('https://b.example/', { reason: 'proxy-auth' })], subject };
  },
  'vendor-server.certificate': () => {
    const subject = web('https://media.example.com/', { reason: 'cert-expired', address: '198.51.100.7' });
    return { checks: [subject], subject };
  },
  'vendor-server.error': () => {
    const subject = turn('turn:t.example:3478', 'udp', { reason: 'quota', evidence: '486 Allocation Quota Reached' });
    return { checks: [subject], subject };
  },
  'firewall.destination-filter': () => {
    // The admin's own reference STUN server is silent on the very port the vendor's answered on.
    const subject = stun('stun:198.51.100.40:3478', { reference: true, ruleId: 'reference' });
    return { checks: [pass({ kind: 'stun', transport: 'udp', target: 'stun:203.0.113.10:3478' }), subject], subject };
  },
  'vendor-server.down': () => {
    // A second STUN server silent on the very port the first answered on.
    const subject = stun('stun:198.51.100.2:3478');
    return { checks: [pass({ kind: 'stun', transport: 'udp', target: 'stun:198.51.100.1:3478' }), subject], subject };
  },
  'firewall.reset': () => {
    const subject = check({ reason: 'reset' });
    return { checks: [subject], subject };
  },
  'firewall.port-filter': () => {
    // The same TURN server answers over TLS on 443 and is silent over UDP 3478.
    const subject = turn('turn:t.example:3478', 'udp');
    return { checks: [subject, pass({ kind: 'turn', transport: 'tls', target: 'turns:t.example:443?transport=tcp' })], subject };
  },
  'unknown.undecided': () => {
    // A STUN name silent on its only port while the web app answers elsewhere: a sinkhole, a dead server or a blocked address.
    const subject = stun('stun:stun.example.com:3478');
    return { checks: [subject, pass({ target: 'https://app.example.com/' })], subject };
  },
};

describe('CAUSE_TABLE, one run per row', () => {
  it.each(CAUSE_TABLE.map((row) => [row.id, row] as const))('%s', (id, row) => {
    const build = ROW_CASES[id];
    if (!build) throw new Error(`no test case for row ${id}`);
    const { checks, subject, context } = build();
    const ctx = { ...causeContext(checks, false), ...context };
    expect(causeRowOf(subject, ctx)?.id).toBe(id);
    expect(causeOf(subject, ctx)).toBe(row.cause);
  });

  it('has no case for a row that does not exist', () => {
    expect(Object.keys(ROW_CASES).sort()).toEqual(CAUSE_TABLE.map((r) => r.id).sort());
  });

  it('has an entry in CAUSE_INFO for every cause a row gives, and a row for every cause', () => {
    expect(new Set(CAUSE_TABLE.map((r) => r.cause))).toEqual(new Set(CAUSES.filter((c) => c !== 'network-path')));
    for (const cause of CAUSES) expect(CAUSE_INFO[cause].who.length).toBeGreaterThan(0);
  });
});

describe('a firewall only on a firewall’s signature', () => {
  it('names the firewall when the same host answers on another port', () => {
    const udp = turn('turn:t.example:3478', 'udp');
    const tcp = turn('turn:t.example:3478?transport=tcp', 'tcp', { reason: 'refused' });
    const tls = pass({ kind: 'turn', transport: 'tls', target: 'turns:t.example:443?transport=tcp' });
    expect(rowsOf([udp, tcp, tls])).toEqual({ [udp.id]: 'firewall.port-filter', [tcp.id]: 'firewall.port-filter', [tls.id]: null });
  });

  it('names the firewall for a STUN name when a live host fails on the same transport and nothing answers on it', () => {
    const stunName = stun('stun:stun.example.com:3478');
    const turnUdp = turn('turn:t.example:3478', 'udp');
    const turnTls = pass({ kind: 'turn', transport: 'tls', target: 'turns:t.example:443?transport=tcp' });
    expect(rowsOf([stunName, turnUdp, turnTls])[stunName.id]).toBe('firewall.port-filter');
  });

  it('names the firewall when two servers at IP literals are silent over UDP while TCP answers', () => {
    const a = stun('stun:203.0.113.10:3478');
    const b = stun('stun:203.0.113.11:19302');
    const app = pass({ target: 'https://web.example/' });
    const rows = rowsOf([a, b, app]);
    expect([rows[a.id], rows[b.id]]).toEqual(['firewall.port-filter', 'firewall.port-filter']);
  });

  it('does not blame the firewall for a port another server answered on: that server is down', () => {
    const a = pass({ kind: 'stun', transport: 'udp', target: 'stun:203.0.113.10:3478' });
    const b = stun('stun:203.0.113.11:3478');
    expect(rowsOf([a, b])[b.id]).toBe('vendor-server.down');
  });

  it('never asks to open a port another host answered on in the same run: the vendor closed it, or a filter by destination', () => {
    // The vendor's own firewall drops UDP 3478 to one TURN server; its TCP 3478 answers, and UDP 3478 answers elsewhere.
    const stunA = pass({ kind: 'stun', transport: 'udp', target: 'stun:203.0.113.10:3478', ruleId: 'stun' });
    const reference = pass({ kind: 'stun', transport: 'udp', target: 'stun:203.0.113.40:3478', ruleId: 'reference', reference: true });
    const turnUdp = turn('turn:203.0.113.11:3478?transport=udp', 'udp', { ruleId: 'turn' });
    const turnTcp = pass({ kind: 'turn', transport: 'tcp', target: 'turn:203.0.113.11:3478?transport=tcp', ruleId: 'turn' });
    const context = causeContext([stunA, reference, turnUdp, turnTcp], false);
    expect(causeFindingOf(turnUdp, context)).toEqual({ cause: 'unknown', row: 'unknown.undecided', doubt: 'destination-or-server' });
  });

  it('takes a host silent where the network is open for what it is: its other silences are no port filter either', () => {
    // A DNS filter's block page answers HTTPS for the vendor's one name and nothing else; UDP 3478 reaches a reference server.
    const app = pass({ target: 'https://vendor.example.com/' });
    const stunUdp = stun('stun:vendor.example.com:3478');
    const turnTcp = turn('turn:vendor.example.com:3478?transport=tcp', 'tcp');
    const reference = pass({ kind: 'stun', transport: 'udp', target: 'stun:203.0.113.40:3478', ruleId: 'reference', reference: true });
    const rows = rowsOf([app, stunUdp, turnTcp, reference]);
    expect([rows[stunUdp.id], rows[turnTcp.id]]).toEqual(['unknown.undecided', 'unknown.undecided']);
    // Without the reference's answer nothing shows UDP 3478 open: the same host's answer on 443 is the firewall's signature.
    const without = rowsOf([app, stunUdp, turnTcp]);
    expect([without[stunUdp.id], without[turnTcp.id]]).toEqual(['firewall.port-filter', 'firewall.port-filter']);
  });

  it('still names the firewall for a live host whose other silence has another explanation', () => {
    // TLS inspection breaks TURN over TLS on 443 (TCP 443 is open: the app's certificate was replaced); TCP 3478 is silent.
    const app = web('https://app.example.com/', { reason: 'cert-untrusted' });
    const turnUdp = pass({ kind: 'turn', transport: 'udp', target: 'turn:turn.example.com:3478?transport=udp', ruleId: 'turn' });
    const turnTls = turn('turns:turn.example.com:443?transport=tcp', 'tls', { ruleId: 'turn' });
    const turnTcp = turn('turn:turn.example.com:3478?transport=tcp', 'tcp', { ruleId: 'turn' });
    const rows = rowsOf([app, turnUdp, turnTls, turnTcp]);
    expect(rows[turnTls.id]).toBe('proxy.inspection-turn');
    expect(rows[turnTcp.id]).toBe('firewall.port-filter');
    // STUN answers on the very port TURN over UDP is silent on: the host serves there, its TCP silence is still the firewall's.
    const stunT = pass({ kind: 'stun', transport: 'udp', target: 'stun:turn.example.com:3478', ruleId: 'stun' });
    const silentUdp = turn('turn:turn.example.com:3478?transport=udp', 'udp', { ruleId: 'turn' });
    const tcp = turn('turn:turn.example.com:3478?transport=tcp', 'tcp', { ruleId: 'turn' });
    expect(rowsOf([stunT, silentUdp, tcp])[tcp.id]).toBe('firewall.port-filter');
  });

  it('stays unknown when one port is silent beside an answering port on another server', () => {
    const a = pass({ kind: 'stun', transport: 'udp', target: 'stun:203.0.113.10:3478' });
    const b = stun('stun:203.0.113.11:19302');
    const context = causeContext([a, b], false);
    expect(causeFindingOf(b, context)).toEqual({ cause: 'unknown', row: 'unknown.undecided', doubt: 'host-silent' });
  });

  it('stays unknown when a name answers on no port and its address is unseen', () => {
    const turnUdp = turn('turn:turn.example.com:3478', 'udp');
    const turnTcp = turn('turn:turn.example.com:3478?transport=tcp', 'tcp');
    const app = pass({ target: 'https://app.example.com/' });
    const rows = rowsOf([turnUdp, turnTcp, app]);
    expect([rows[turnUdp.id], rows[turnTcp.id]]).toEqual(['unknown.undecided', 'unknown.undecided']);
  });

  it('stays unknown when nothing answered at all on an online device', () => {
    const a = stun('stun:203.0.113.10:3478');
    const b = web('https://app.example.com/');
    const context = causeContext([a, b], false);
    expect(causeFindingOf(a, context)?.doubt).toBe('nothing-answered');
    expect(causeOf(b, context)).toBe('unknown');
  });

  it('never calls TLS that failed after TCP connected a firewall', () => {
    for (const reason of ['cert-untrusted', 'cert-name-mismatch', 'cert-expired', 'tls-failed'] as const) {
      const c = web('https://app.example.com/', { reason });
      expect(causeOf(c, alone(c)), reason).not.toBe('firewall');
    }
  });

  it('never calls a bare failure without a reason a firewall', () => {
    const c = web('https://app.example.com/', { reason: 'unknown' });
    expect(causeFindingOf(c, causeContext([c, pass({ target: 'https://b.example/' })], false))).toEqual({
      cause: 'unknown',
      row: 'unknown.undecided',
      doubt: 'no-reason',
    });
  });
});

describe('TLS that fails on a port that is open', () => {
  it('leaves a certificate for another name undecided while the vendor’s other names answer (vendor certificate or a one-name block page)', () => {
    const app = web('https://app.example.com/', { reason: 'cert-name-mismatch' });
    const relay = pass({ kind: 'turn', transport: 'udp', target: 'turn:turn.example.com:3478' });
    expect(causeFindingOf(app, causeContext([app, relay], false))).toEqual({ cause: 'unknown', row: 'unknown.undecided', doubt: 'cert-name' });
  });

  it('calls it a block page when no name of the run answered at all', () => {
    const app = web('https://app.example.com/', { reason: 'cert-name-mismatch' });
    const turnTcp = turn('turn:turn.example.com:3478?transport=tcp', 'tcp', { reason: 'refused' });
    const stunName = stun('stun:stun.example.com:3478');
    const context = causeContext([app, turnTcp, stunName], false);
    expect(causeRowOf(app, context)?.id).toBe('dns-filter.block-page');
    // The block page's host answers nothing on 3478: the names' other failures stay undecided, never a firewall rule.
    expect([causeOf(turnTcp, context), causeOf(stunName, context)]).toEqual(['unknown', 'unknown']);
  });

  it('sends an expired certificate to the vendor', () => {
    const app = web('https://app.example.com/', { reason: 'cert-expired' });
    expect(causeOf(app, causeContext([app, pass({ kind: 'stun', transport: 'udp', target: 'stun:stun.example.com:3478' })], false))).toBe('vendor-server');
  });

  it('puts TURN over TLS down to inspection once inspection was seen, not to the firewall', () => {
    const turns = turn('turns:turn.example.com:443?transport=tcp', 'tls', { reason: 'refused' });
    const turnUdp = pass({ kind: 'turn', transport: 'udp', target: 'turn:turn.example.com:3478' });
    expect(causeOf(turns, causeContext([turns, turnUdp], false))).toBe('firewall');
    expect(causeOf(turns, causeContext([turns, turnUdp, web('https://app.example.com/', { reason: 'cert-untrusted' })], false))).toBe('proxy');
  });
});

describe('DNS filters that answer with the wrong thing', () => {
  it.each(['0.0.0.0', '127.0.0.1', '10.1.2.3', '192.168.0.10', '100.64.0.1', '169.254.1.1', 'fd00::1'])(
    'a public name leading to %s is a sinkhole',
    (address) => {
      const app = web('https://media.example.com/', { reason: 'refused', address });
      const turnTcp = turn('turn:media.example.com:3478?transport=tcp', 'tcp', { reason: 'refused' });
      const context = causeContext([app, turnTcp], false);
      expect(causeFindingOf(app, context)).toEqual({ cause: 'dns-filter', row: 'dns-filter.sinkhole', sinkhole: address });
      expect(causeOf(turnTcp, context)).toBe('dns-filter');
    },
  );

  it('does not call a proxy’s private address a sinkhole: an address that carried a good answer is not one', () => {
    const good = pass({ target: 'https://a.example/', address: '10.99.0.1' });
    const bad = web('https://b.example/', { reason: 'refused', address: '10.99.0.1' });
    expect(causeOf(bad, causeContext([good, bad], false))).not.toBe('dns-filter');
  });

  it('does not call an IP literal in the profile a sinkhole', () => {
    const lan = web('https://10.0.0.5/', { reason: 'refused', address: '10.0.0.5' });
    expect(causeOf(lan, alone(lan))).not.toBe('dns-filter');
  });
});

describe('causeOf', () => {
  it('gives no cause where there is nothing to fix', () => {
    const none = [
      pass({}),
      check({ status: 'untestable', reason: 'unsafe-port' }),
      // A 401 challenge to placeholder credentials proves the server reachable.
      check({ kind: 'turn', status: 'warn', reason: 'auth-401' }),
      // Our own failure to run a check says nothing about the network.
      check({ kind: 'turn', status: 'error', reason: 'setup' }),
    ];
    for (const c of none) expect(causeOf(c, alone(c))).toBeNull();
  });

  it('sends server errors, an unroutable relay address and a silent server (UDP shown open) to the vendor', () => {
    for (const reason of ['server-silent', 'forbidden', 'quota', 'server-error'] as const) {
      const c = stun('stun:s.example:3478', { reason });
      expect(causeOf(c, alone(c)), reason).toBe('vendor-server');
    }
    const relay = turn('turn:t.example:3478', 'udp', { status: 'warn', reason: 'unroutable-relay' });
    expect(causeOf(relay, alone(relay))).toBe('vendor-server');
  });

  it('never calls a refused WebSocket upgrade, an untrusted certificate or a 407 a firewall rule', () => {
    for (const reason of ['upgrade-refused', 'cert-untrusted', 'proxy', 'proxy-auth'] as const) {
      const c = check({ reason });
      expect(causeOf(c, alone(c)), reason).toBe('proxy');
    }
  });

  it('puts TURN over TCP down to the proxy only when the proxy was seen, and never UDP', () => {
    const tcp = turn('turn:t.example:3478?transport=tcp', 'tcp', { reason: 'refused' });
    expect(causeOf(tcp, alone(tcp))).not.toBe('proxy');
    const udp = turn('turn:t.example:3478', 'udp');
    expect(causeOf(udp, alone(udp, { proxyInUse: true }))).not.toBe('proxy');
  });

  it('tells an offline device from a disconnected one by the browser’s own words', () => {
    const disconnected = check({ reason: 'unreachable', detail: phrase('detail_unreachable'), evidence: 'net::ERR_INTERNET_DISCONNECTED' });
    expect(causeOf(disconnected, alone(disconnected))).toBe('this-device');
  });
});

describe('causeContext', () => {
  it('sees the proxy in a web check, not in TURN alone', () => {
    expect(causeContext([check({ reason: 'proxy-auth' })], false).proxyInUse).toBe(true);
    expect(causeContext([check({ kind: 'turn', reason: 'proxy-auth' })], false).proxyInUse).toBe(false);
  });

  it('sees a proxy in a private address that answered for a public name only when no web check went to a public address', () => {
    const proxied = pass({ target: 'https://app.example.com/', address: '10.99.0.1' });
    const turnTcp = turn('turn:turn.example.com:3478?transport=tcp', 'tcp', { reason: 'timeout' });
    expect(causeContext([proxied, turnTcp], false).proxyInUse).toBe(true);
    // A school's filter answering for the one name it blocks, with a certificate from the school's CA, beside a direct answer.
    const direct = pass({ target: 'https://cdn.example.net/', address: '198.51.100.7' });
    const turnUdp = pass({ kind: 'turn', transport: 'udp', target: 'turn:turn.example.com:3478?transport=udp' });
    const context = causeContext([proxied, direct, turnUdp, turnTcp], false);
    expect(context.proxyInUse).toBe(false);
    // A proxy some names go through (a PAC file) or the school's filter: TURN over TCP beside it is neither proxy nor firewall for sure.
    expect(causeFindingOf(turnTcp, context)).toMatchObject({ cause: 'unknown', row: 'unknown.undecided' });
    // Without the private answer, the same live host silent on TCP 3478 is the firewall's signature.
    expect(causeOf(turnTcp, causeContext([direct, turnUdp, turnTcp], false))).toBe('firewall');
  });

  it('calls the device offline only when ICE found no local address and nothing answered', () => {
    expect(causeContext([check({})], true).offline).toBe(true);
    expect(causeContext([check({}), pass({})], true).offline).toBe(false);
    expect(causeContext([check({})], false).offline).toBe(false);
    expect(causeContext([check({ status: 'untestable', reason: 'raw-udp' })], true).offline).toBe(false);
  });

  it('counts checks that did not run as no evidence at all', () => {
    const facts = runFacts([check({ status: 'error', reason: 'setup' }), check({ status: 'untestable', reason: 'raw-udp' })]);
    expect(facts.anyAnswered).toBe(false);
  });
});

describe('docs/verdict.md mirrors the cause table', () => {
  const doc = readFileSync(new URL('../../docs/verdict.md', import.meta.url), 'utf8');
  it.each(CAUSE_TABLE.map((row) => [row.id, row] as const))('%s', (id, row) => {
    expect(doc).toContain(`| \`${id}\` | ${row.cause} | ${row.when} | ${row.evidence} | ${CAUSE_INFO[row.cause].who} |`);
  });
});
