import { phrase } from '../i18n/phrase';
import { describe, expect, it } from 'vitest';
import chrome156 from '../../test/fixtures/chrome-156.json';
import { classifyIceError } from './ice-errors';
import { attributeSameHostDns } from './same-host-dns';
import type { CheckResult } from './types';

const tcp = { hasCredentials: true, transport: 'tcp' } as const;
const [code, ...words] = chrome156.errorTexts.turnTcpUnresolvedName.split(' ');
const captured = classifyIceError(
  { errorCode: Number(code), errorText: words.join(' '), url: 'turn:nowhere.lab.test:3478?transport=tcp', address: null, port: null, atMs: 74 },
  tcp,
);

function check(partial: Partial<CheckResult> & Pick<CheckResult, 'id' | 'kind' | 'target'>): CheckResult {
  return { ruleId: partial.id, transport: 'tcp', status: 'fail', reason: null, detail: phrase('detail_failed'), durationMs: 74, ...partial } as CheckResult;
}

describe('attributeSameHostDns', () => {
  it("reads Chromium's refusal for an unresolvable TURN name as refused on its own", () => {
    expect(captured.reason).toBe('refused');
  });

  it('calls it dns when an HTTPS check of the same name failed to resolve', () => {
    const turn = check({ id: 'relay', kind: 'turn', target: 'turn:Nowhere.lab.test:3478?transport=tcp', ...captured });
    const https = check({ id: 'api', kind: 'https', target: 'https://nowhere.lab.test/', reason: 'dns', detail: phrase('detail_dns') });
    const [relay] = attributeSameHostDns([turn, https]);
    expect(relay).toMatchObject({ reason: 'dns', status: 'fail' });
    expect(relay!.detail).toEqual(phrase('detail_same_host_dns', { host: 'nowhere.lab.test' }));
  });

  it('leaves refusals of other hosts and of addresses alone', () => {
    const other = check({ id: 'relay', kind: 'turn', target: 'turn:turn.lab.test:3478?transport=tcp', ...captured });
    const byAddress = check({ id: 'ip', kind: 'turn', target: 'turn:203.0.113.20:4444?transport=tcp', ...captured });
    const https = check({ id: 'api', kind: 'https', target: 'https://nowhere.lab.test/', reason: 'dns' });
    expect(attributeSameHostDns([other, byAddress, https]).map((c) => c.reason)).toEqual(['refused', 'refused', 'dns']);
  });
});
