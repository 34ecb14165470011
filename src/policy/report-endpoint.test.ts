import { inEnglish } from '../i18n/english';
import { describe, expect, it } from 'vitest';
import { parsePolicy } from '../policy/parse';
import { effectiveSettings } from '../settings/effective';
import { PolicyProblems } from '../policy/problems';
import { headerValueProblem, isForbiddenRequestHeader, readReportEndpoint } from './report-endpoint';
import { reportDestination } from '../settings/report-destination';

const TOKEN = 'Bearer s3cret-collector-token';

function read(value: unknown) {
  const problems = new PolicyProblems();
  return { endpoint: readReportEndpoint(value, problems), problems: problems.list };
}

describe('reportEndpoint policy', () => {
  it('reads url, headers, site and triggers', () => {
    const { endpoint, problems } = read({
      url: 'https://otel.district.example:4318/v1/logs',
      headers: { Authorization: TOKEN },
      site: ' Ashgrove Primary ',
      triggers: ['schedule', 'startup'],
    });
    expect(problems).toEqual([]);
    expect(endpoint).toEqual({
      url: 'https://otel.district.example:4318/v1/logs',
      headers: { Authorization: TOKEN },
      site: 'Ashgrove Primary',
      triggers: ['schedule', 'startup'],
    });
  });

  it('sends every trigger but automation when the policy names none', () => {
    expect(read({ url: 'https://otel.example/v1/logs' }).endpoint?.triggers).toEqual(['schedule', 'startup', 'user']);
  });

  it.each([
    ['http', { url: 'http://otel.example:4318/v1/logs' }, 'reportEndpoint.url', /not https \(http\)/],
    ['not a URL', { url: 'otel.example/v1/logs' }, 'reportEndpoint.url', /not a URL/],
    ['a number', { url: 4318 }, 'reportEndpoint.url', /got a number/],
    ['missing', { site: 'A' }, 'reportEndpoint.url', /expected the https URL/],
    ['credentials in the URL', { url: 'https://user:pw@otel.example/v1/logs' }, 'reportEndpoint.url', /user name or password/],
  ])('sends nothing for a url that is %s', (_name, value, field, message) => {
    const { endpoint, problems } = read(value);
    expect(endpoint).toBeUndefined();
    const found = problems.find((p) => p.field === field);
    expect(found && inEnglish(found.message)).toMatch(message);
  });

  it('names headers of the wrong type without quoting any value, and sends the rest', () => {
    const { endpoint, problems } = read({
      url: 'https://otel.example/v1/logs',
      headers: { Authorization: TOKEN, 'X-Scope-OrgID': 42, 'Bad Name': 'x', Cookie: 'a=b', 'X-Two': 'a\r\nb' },
    });
    expect(endpoint?.headers).toEqual({ Authorization: TOKEN });
    expect(problems.map((p) => p.field)).toEqual([
      'reportEndpoint.headers.X-Scope-OrgID',
      'reportEndpoint.headers.[?]',
      'reportEndpoint.headers.Cookie',
      'reportEndpoint.headers.X-Two',
    ]);
    expect(inEnglish(problems[0]!.message)).toMatch(/expected a non-empty string, got a number/);
    expect(JSON.stringify(problems)).not.toContain('a=b');
    const whole = read({ url: 'https://otel.example/v1/logs', headers: ['Authorization', TOKEN] });
    expect(whole.problems[0]).toMatchObject({ field: 'reportEndpoint.headers' });
    expect(inEnglish(whole.problems[0]!.message)).toMatch(/got a list/);
    expect(JSON.stringify(whole.problems)).not.toContain(TOKEN);
  });

  it('names unknown triggers and fields, a site of the wrong type, and a value that is not an object', () => {
    const { endpoint, problems } = read({ url: 'https://otel.example/v1/logs', triggers: ['schedule', 'hourly', 3], site: 7, token: 'x' });
    expect(endpoint?.triggers).toEqual(['schedule']);
    expect(endpoint?.site).toBeNull();
    expect(problems.map((p) => p.field).sort()).toEqual([
      'reportEndpoint.site',
      'reportEndpoint.token',
      'reportEndpoint.triggers[1]',
      'reportEndpoint.triggers[2]',
    ]);
    const notObject = read('https://otel.example/v1/logs').problems[0]!;
    expect(notObject.field).toBe('reportEndpoint');
    expect(inEnglish(notObject.message)).toMatch(/nothing is sent/);
  });

  it('reaches the settings view as a destination without header values or query string', () => {
    const policy = parsePolicy({ reportEndpoint: { url: 'https://otel.example:4318/v1/logs?api-key=k3y', headers: { Authorization: TOKEN }, site: 'B' } });
    expect(policy.problems).toEqual([]);
    expect(policy.reportEndpoint?.headers.Authorization).toBe(TOKEN);
    const view = effectiveSettings({}, policy);
    expect(view.reportDestination).toEqual({
      endpoint: 'https://otel.example:4318/v1/logs',
      site: 'B',
      triggers: ['schedule', 'startup', 'user'],
      headerNames: ['Authorization'],
    });
    expect(JSON.stringify(view)).not.toContain('s3cret');
    expect(JSON.stringify(view)).not.toContain('k3y');
    expect(reportDestination(policy.reportEndpoint!).endpoint).toBe('https://otel.example:4318/v1/logs');
  });

  it('is absent, and nothing is sent, without the key or with a bad url', () => {
    expect(parsePolicy({ deadlineMs: 2000 }).reportEndpoint).toBeUndefined();
    const bad = parsePolicy({ reportEndpoint: { url: 'http://otel.example/v1/logs' } });
    expect(bad.reportEndpoint).toBeUndefined();
    expect(bad.problems.map((p) => p.field)).toEqual(['reportEndpoint.url']);
    expect(effectiveSettings({}, bad).reportDestination).toBeNull();
  });
});

describe('reportEndpoint headers a browser cannot send (issue 29.6)', () => {
  it.each([
    'Expect',
    'DNT',
    'Set-Cookie',
    'Access-Control-Request-Method',
    'Access-Control-Request-Headers',
    'Cookie2',
    'Sec-Fetch-Mode',
    'Proxy-Authorization',
  ])('%s: a forbidden request header, named and not sent', (name) => {
    const { endpoint, problems } = read({ url: 'https://otel.example/v1/logs', headers: { [name]: 'x', Authorization: TOKEN } });
    expect(endpoint?.headers).toEqual({ Authorization: TOKEN });
    expect(problems.map((p) => [p.field, inEnglish(p.message)])).toEqual([
      [`reportEndpoint.headers.${name}`, expect.stringMatching(/forbidden request headers/)],
    ]);
  });

  it('a method override naming CONNECT, TRACE or TRACK is forbidden; naming PUT is not', () => {
    expect(read({ url: 'https://o.example/v1/logs', headers: { 'X-HTTP-Method-Override': 'TRACE' } }).endpoint?.headers).toEqual({});
    expect(read({ url: 'https://o.example/v1/logs', headers: { 'X-HTTP-Method-Override': 'PUT' } }).endpoint?.headers).toEqual({
      'X-HTTP-Method-Override': 'PUT',
    });
  });

  it.each([
    ['a character beyond Latin-1', 'Bearer tök€n', /only Latin-1/],
    ['U+2028', 'Bearer a\u2028b', /only Latin-1/],
    ['an emoji', 'Bearer 🔑', /only Latin-1/],
    ['a trailing space', 'Bearer abc ', /space or tab/],
    ['a leading tab', '\tBearer abc', /space or tab/],
    ['a NUL', 'Bearer a\u0000b', /line break/],
  ])('a value with %s: named without quoting it, and not sent', (_name, value, message) => {
    const { endpoint, problems } = read({ url: 'https://otel.example/v1/logs', headers: { Authorization: value } });
    expect(endpoint?.headers).toEqual({});
    expect(problems.map((p) => [p.field, inEnglish(p.message)])).toEqual([['reportEndpoint.headers.Authorization', expect.stringMatching(message)]]);
    expect(JSON.stringify(problems)).not.toContain('Bearer');
  });

  it('every value the reader keeps is one fetch() can send: Headers (the same WebIDL ByteString rule as the browser) takes it', () => {
    for (const value of ['Bearer abc', 'Bearer é', 'a\tb', 'x'.repeat(4096)]) {
      expect(headerValueProblem(value)).toBeNull();
      expect(() => new Headers({ Authorization: value })).not.toThrow();
    }
    for (const value of ['Bearer €', 'a\u2028b']) {
      expect(headerValueProblem(value)).toBe('not-latin1');
      expect(() => new Headers({ Authorization: value })).toThrow(/ByteString/);
    }
    expect(isForbiddenRequestHeader('content-type', 'x')).toBe(true);
  });
});
