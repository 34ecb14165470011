import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sh } from './exec';

export interface LabCerts {
  dir: string;
  caCert: string;
  caKey: string;
  /** Signed by the lab CA: trusted by the lab's Chromium. */
  serverCert: string;
  serverKey: string;
  /** Self-signed: what a TLS-inspecting filter with an untrusted CA looks like. */
  rogueCert: string;
  rogueKey: string;
  /** A HOME whose NSS database trusts the lab CA; start Chromium with it. */
  chromiumHome: string;
}

/** Makes a lab CA, a server certificate for `names`, a rogue one, and an NSS db that trusts the CA. */
/**
 * A self-signed CA certificate (2 days, RSA 2048) at `cert`, its key at `key`:
 * the lab's own CA and the inspecting filters' CAs (test/lab/proxy.ts).
 */
export async function makeCa(subject: string, key: string, cert: string): Promise<void> {
  await sh('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    `/CN=${subject}`,
    '-keyout',
    key,
    '-out',
    cert,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
}

export async function makeLabCerts(names: string[], ips: string[]): Promise<LabCerts> {
  const dir = await mkdtemp(join(tmpdir(), 'wnc-certs-'));
  const p = (f: string) => join(dir, f);
  const subjectAltName = [...names.map((n) => `DNS:${n}`), ...ips.map((ip) => `IP:${ip}`)].join(',');
  await writeFile(p('server.ext'), `subjectAltName=${subjectAltName}\nextendedKeyUsage=serverAuth\n`);

  await makeCa('WebRTC Network Check lab CA', p('ca.key'), p('ca.pem'));
  await sh('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${names[0] ?? ips[0]}`, '-keyout', p('server.key'), '-out', p('server.csr')]);
  await sh('openssl', [
    'x509',
    '-req',
    '-in',
    p('server.csr'),
    '-CA',
    p('ca.pem'),
    '-CAkey',
    p('ca.key'),
    '-CAcreateserial',
    '-days',
    '2',
    '-extfile',
    p('server.ext'),
    '-out',
    p('server.pem'),
  ]);
  await sh('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '2',
    '-subj',
    '/CN=Inspecting filter',
    '-keyout',
    p('rogue.key'),
    '-out',
    p('rogue.pem'),
    '-addext',
    `subjectAltName=${subjectAltName}`,
  ]);

  const home = p('home');
  const nssdb = `sql:${join(home, '.pki', 'nssdb')}`;
  await sh('mkdir', ['-p', join(home, '.pki', 'nssdb')]);
  await sh('certutil', ['-d', nssdb, '-N', '--empty-password']);
  await sh('certutil', ['-d', nssdb, '-A', '-n', 'wnc-lab-ca', '-t', 'C,,', '-i', p('ca.pem')]);

  return {
    dir,
    caCert: p('ca.pem'),
    caKey: p('ca.key'),
    serverCert: p('server.pem'),
    serverKey: p('server.key'),
    rogueCert: p('rogue.pem'),
    rogueKey: p('rogue.key'),
    chromiumHome: home,
  };
}

export interface LeafOptions {
  /** Files are written as `<dir>/<base>.pem` and `<dir>/<base>.key`. */
  dir: string;
  base: string;
  ca: { cert: string; key: string };
  names: string[];
  ips?: string[];
  /**
   * Validity in days from now; a negative number gives a certificate whose
   * notAfter lies in the past (expired), as `openssl x509 -days -1` writes.
   */
  days?: number;
}

/** A server certificate (RSA 2048, serverAuth) for `names` and `ips`, signed by `ca`. */
export async function makeLeafCert(o: LeafOptions): Promise<{ cert: string; key: string }> {
  const p = (ext: string) => join(o.dir, `${o.base}.${ext}`);
  const subjectAltName = [...o.names.map((n) => `DNS:${n}`), ...(o.ips ?? []).map((ip) => `IP:${ip}`)].join(',');
  await writeFile(p('ext'), `subjectAltName=${subjectAltName}\nextendedKeyUsage=serverAuth\n`);
  await sh('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${o.names[0] ?? o.ips?.[0]}`, '-keyout', p('key'), '-out', p('csr')]);
  await sh('openssl', [
    'x509',
    '-req',
    '-in',
    p('csr'),
    '-CA',
    o.ca.cert,
    '-CAkey',
    o.ca.key,
    '-set_serial',
    String(Date.now()),
    '-days',
    String(o.days ?? 2),
    '-extfile',
    p('ext'),
    '-out',
    p('pem'),
  ]);
  return { cert: p('pem'), key: p('key') };
}
