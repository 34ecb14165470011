import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { unroutableRange } from './address-range';

describe('unroutableRange', () => {
  it.each([
    ['10.1.2.3', /RFC 1918/],
    ['172.16.0.9', /RFC 1918/],
    ['192.168.1.1', /RFC 1918/],
    ['100.64.0.1', /carrier-grade/],
    ['127.0.0.1', /loopback/],
    ['169.254.10.10', /link-local/],
    ['fd12:3456::1', /RFC 4193/],
    ['fe80::1', /link-local/],
    ['::ffff:192.168.0.5', /RFC 1918/],
  ])('%s is unroutable', (address, words) => {
    expect(inEnglish(unroutableRange(address)!)).toMatch(words);
  });

  it.each(['8.8.8.8', '203.0.113.10', '2001:db8::1', '2a00:1450::1', 'turn.example.com', ''])('%s is not flagged', (address) => {
    expect(unroutableRange(address)).toBeNull();
  });
});
