import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import {
  checkedBaseUrl,
  extensionIdFromPem,
  extensionIdFromSpki,
  newSigningKeyPem,
  readSigningKey,
  sha256sums,
  updatesXml,
} from '../../scripts/release-lib.mjs';

const dir = mkdtempSync(join(tmpdir(), 'wnc-release-lib-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('release building blocks (scripts/release-lib.mjs)', () => {
  it('gives the manifest key the id the docs and tests use', () => {
    expect(extensionIdFromSpki(Buffer.from(manifest.key, 'base64'))).toBe('ajfamljhdelhckpncckgbjipkmmknief');
  });

  it('gives a private key and its public half the same id, the one openssl’s DER digest gives', () => {
    const pem = newSigningKeyPem();
    const path = join(dir, 'k.pem');
    writeFileSync(path, pem);
    const der = execFileSync('openssl', ['pkey', '-in', path, '-pubout', '-outform', 'DER']);
    const hex = execFileSync('openssl', ['dgst', '-sha256', '-hex'], { input: der, encoding: 'utf8' }).trim().split(' ').pop()!;
    const expected = [...hex.slice(0, 32)].map((d) => 'abcdefghijklmnop'[parseInt(d, 16)]).join('');
    expect(extensionIdFromPem(pem)).toBe(expected);
    const pub = execFileSync('openssl', ['pkey', '-in', path, '-pubout'], { encoding: 'utf8' });
    expect(extensionIdFromPem(pub)).toBe(expected);
    expect(readSigningKey(path).id).toBe(expected);
  });

  it('names a key file that is missing, not a key, or only a public key', () => {
    expect(() => readSigningKey(join(dir, 'none.pem'))).toThrow(/none\.pem: no such file \(make one with --new-key/);
    writeFileSync(join(dir, 'junk.pem'), 'hello');
    expect(() => readSigningKey(join(dir, 'junk.pem'))).toThrow(/junk\.pem: not a PEM private key/);
    expect(() => extensionIdFromPem('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')).toThrow(/not a PEM RSA key/);
  });

  it('writes an update manifest Chrome reads, escaping what it quotes', () => {
    const xml = updatesXml({ id: 'a'.repeat(32), version: '1.2.3', codebase: "https://h.example/x?a=1&b='2'", minimumChromeVersion: '116' });
    expect(xml).toContain(`<app appid='${'a'.repeat(32)}'>`);
    expect(xml).toContain("codebase='https://h.example/x?a=1&amp;b=&apos;2&apos;' version='1.2.3' prodversionmin='116'");
    expect(() => updatesXml({ id: 'a', version: '1', codebase: 'http://h.example/x.crx' })).toThrow(/not https/);
  });

  it('takes an https base URL only, and ends it with a slash', () => {
    expect(checkedBaseUrl('https://h.example/wnc')).toBe('https://h.example/wnc/');
    expect(() => checkedBaseUrl('http://h.example/')).toThrow(/must be https/);
    expect(() => checkedBaseUrl('https://h.example/?x=1')).toThrow(/no query/);
    expect(() => checkedBaseUrl('nope')).toThrow(/not a URL/);
  });

  it('lists checksums as sha256sum -c reads them', () => {
    const path = join(dir, 'b.txt');
    writeFileSync(path, 'bee');
    writeFileSync(join(dir, 'SUMS'), sha256sums([{ name: 'b.txt', bytes: Buffer.from('bee') }]));
    expect(execFileSync('sha256sum', ['-c', 'SUMS'], { cwd: dir, encoding: 'utf8' })).toBe('b.txt: OK\n');
  });
});
