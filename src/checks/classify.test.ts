import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { errorTexts, iceError } from '../../test/fixtures/gather';
import { classifyIceError } from './ice-errors';
import { classifyNetError } from './net-errors';

const URL = 'turn:203.0.113.10:3478?transport=udp';

describe('classifyIceError on real Chromium 156 error texts', () => {
  it.each([
    [errorTexts.stunTimeout, 'fail', 'timeout'],
    [errorTexts.turnTimeout, 'fail', 'timeout'],
    [errorTexts.connectFailed, 'fail', 'refused'],
    [errorTexts.socketFailed, 'untestable', 'unsafe-port'],
    [errorTexts.unauthorized, 'warn', 'auth-401'],
    [errorTexts.stunLookupFailed, 'fail', 'dns'],
    [errorTexts.turnLookupFailed, 'fail', 'dns'],
  ])('%s -> %s / %s', (text, status, reason) => {
    expect(classifyIceError(iceError(text, URL))).toMatchObject({ status, reason });
  });

  it('a 401 with the profile credentials means they were rejected', () => {
    expect(classifyIceError(iceError(errorTexts.unauthorized, URL), { hasCredentials: true, transport: 'udp' })).toMatchObject({
      status: 'fail',
      reason: 'auth-401',
    });
  });

  it('over TLS, a failed connection may be an inspecting filter', () => {
    expect(inEnglish(classifyIceError(iceError(errorTexts.connectFailed, URL), { hasCredentials: false, transport: 'tls' }).detail)).toMatch(/SSL-inspecting/);
  });

  it('names other server answers and unknown texts without guessing', () => {
    expect(classifyIceError(iceError('486 Allocation Quota Reached', URL))).toMatchObject({ reason: 'quota', status: 'fail' });
    expect(classifyIceError(iceError('403 Forbidden IP', URL))).toMatchObject({ reason: 'forbidden', status: 'fail' });
    expect(classifyIceError(iceError('508 Insufficient Capacity', URL))).toMatchObject({ reason: 'server-error', status: 'fail' });
    expect(classifyIceError(iceError('701 Something new', URL))).toMatchObject({ reason: 'unknown', status: 'fail' });
  });
});

describe('classifyNetError', () => {
  it.each([
    ['net::ERR_NAME_NOT_RESOLVED', 'fail', 'dns'],
    ['net::ERR_CONNECTION_REFUSED', 'fail', 'refused'],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'fail', 'cert-untrusted'],
    ['net::ERR_CERT_COMMON_NAME_INVALID', 'fail', 'cert-name-mismatch'],
    ['net::ERR_CERT_DATE_INVALID', 'fail', 'cert-expired'],
    ['net::ERR_CERT_INVALID', 'fail', 'cert-untrusted'],
    ['net::ERR_SSL_PROTOCOL_ERROR', 'fail', 'tls-failed'],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'fail', 'proxy'],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'fail', 'proxy'],
    ['net::ERR_PROXY_AUTH_UNSUPPORTED', 'fail', 'proxy-auth'],
    ['net::ERR_UNSAFE_PORT', 'untestable', 'unsafe-port'],
    ['net::ERR_TIMED_OUT', 'fail', 'timeout'],
    ['net::ERR_ABORTED', 'fail', 'timeout'],
    ['net::ERR_CONNECTION_RESET', 'fail', 'reset'],
    ['net::ERR_EMPTY_RESPONSE', 'fail', 'reset'],
    ['net::ERR_ADDRESS_UNREACHABLE', 'fail', 'unreachable'],
    ['net::ERR_BLOCKED_BY_ADMINISTRATOR', 'fail', 'blocked'],
    ['net::ERR_NETWORK_CHANGED', 'fail', 'network-changed'],
    ['net::ERR_SOMETHING_NEW', 'fail', 'unknown'],
  ])('%s -> %s / %s', (netError, status, reason) => {
    expect(classifyNetError(netError)).toMatchObject({ status, reason });
  });

  it('an untrusted certificate points at SSL inspection', () => {
    expect(inEnglish(classifyNetError('net::ERR_CERT_AUTHORITY_INVALID').detail)).toMatch(/an SSL-inspecting filter may be intercepting this host/);
  });

  it('407 is proxy authentication; any other status is a pass', () => {
    expect(classifyNetError(null, 407)).toMatchObject({ status: 'fail', reason: 'proxy-auth' });
    for (const status of [200, 204, 301, 403, 404, 500]) expect(classifyNetError(null, status)).toMatchObject({ status: 'pass', reason: null });
  });
});
