import { describe, expect, it } from 'vitest';
import { missingOrigins } from './host-patterns';

describe('missingOrigins', () => {
  it('keeps what no granted pattern covers', () => {
    expect(missingOrigins(['https://a.example/*', 'https://b.example/*'], ['https://a.example/*'])).toEqual(['https://b.example/*']);
    expect(missingOrigins(['https://x.lab.test/*'], ['*://*.lab.test/*'])).toEqual([]);
    expect(missingOrigins(['https://a.example/*'], ['<all_urls>'])).toEqual([]);
    expect(missingOrigins([], [])).toEqual([]);
  });
});
