/**
 * JSON text from a user (a profile file, the options page's text box) -> a
 * value, or a message that names where the text is wrong without quoting it.
 * V8's own messages quote the text around the error (`Unexpected token 'h',
 * ..."dential": hunter2}" is not valid JSON`, measured on Node 20 and
 * Chromium 156), which puts a short credential into the message whole.
 */
import { failure, parsed, type Parsed } from '../ice/result';

export type JsonTextResult = Parsed<unknown, 'json'>;

export function parseJsonText(text: string): JsonTextResult {
  try {
    return parsed(JSON.parse(text) as unknown);
  } catch (err) {
    const detail = jsonErrorDetail(text, err);
    return failure('json', `not JSON${detail === '' ? '' : ` (${detail})`}`);
  }
}

/** "line 3, column 14: a string is not closed" as far as V8 says where and what; never the text itself. */
export function jsonErrorDetail(text: string, err: unknown): string {
  const raw = err instanceof Error ? err.message : '';
  const at = /at position (\d+)/.exec(raw);
  const position = at ? Number(at[1]) : errorPosition(text);
  const where = position === null ? null : lineAndColumn(text, position);
  const kind = KINDS.find(([pattern]) => pattern.test(raw))?.[1] ?? null;
  return [where, kind].filter((part) => part !== null).join(': ');
}

const KINDS: [RegExp, string][] = [
  [/^Unterminated string/, 'a string is not closed'],
  [/^Unexpected end of JSON input/, 'the text ends too early'],
  [/^Expected property name/, 'a property name is expected (in double quotes)'],
  [/^Expected ',' or '}'/, "a ',' or '}' is expected after a property value"],
  [/^Expected ',' or ']'/, "a ',' or ']' is expected after a list item"],
  [/^Expected ':'/, "a ':' is expected after a property name"],
  [/^Bad control character/, 'a string holds a control character (write it escaped)'],
  [/^Bad escaped character/, 'a string holds an unknown escape'],
  [/^Unexpected non-whitespace character after JSON/, 'there is more text after the JSON value'],
  [/^Unexpected token/, 'an unexpected character'],
];

/**
 * Where V8 stopped, when its message does not say (`Unexpected token '}', "…" is
 * not valid JSON` gives only a quote): the shortest prefix of the text that
 * fails other than by ending early ends with the offending character. Found by
 * bisection, so a megabyte of text costs some twenty parses.
 */
function errorPosition(text: string): number | null {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(text.slice(0, length));
      return false;
    } catch (err) {
      const message = err instanceof Error ? err.message : '';
      // A prefix cut mid-value fails at its very end ("Expected ',' or '}' … at position 10" for 10 characters): not yet the error.
      const at = /at position (\d+)/.exec(message);
      if (at && Number(at[1]) >= length) return false;
      return !/^(Unexpected end of JSON input|Unterminated string)/.test(message);
    }
  };
  if (!failsInside(text.length)) return null;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = Math.floor((low + high) / 2);
    if (failsInside(mid)) high = mid;
    else low = mid + 1;
  }
  return low === 0 ? null : low - 1;
}

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}
