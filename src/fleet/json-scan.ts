/**
 * Reading a few members out of a large JSON text without building the rest.
 *
 * Why not JSON.parse: `npm run fleet` over 100,000 stored records (3.8 GB of
 * OTLP/JSON lines, ~30 KB of report in each) spent ~15 s of ~23 s in
 * JSON.parse building each report's candidates, rules and evidence only to
 * keep a dozen fields (measured on this machine, issue 26; the target is
 * under 10 s). Streaming parsers on npm (stream-json, @streamparser/json)
 * build every value too and are slower than JSON.parse; simdjson bindings are
 * a native module, which the one-file fleet tool cannot ship.
 *
 * What it checks: the whole text's grammar as RFC 8259 §2–7 gives it
 * (numbers, literals, commas, colons, nesting, strings that end, nothing but
 * whitespace after the value), so a truncated or mis-nested text throws as
 * JSON.parse does. The scan finds strings' ends with indexOf and does not
 * look inside them (~3× faster than a character loop); what could be wrong
 * there (a raw control character, a bad escape) is looked for once over the
 * whole text first, and a text that has one is parsed whole by JSON.parse
 * instead (before that check, a review found such bodies read where
 * JSON.parse refused them). So the result is what JSON.parse would give, reduced to
 * the pick, or the error JSON.parse would throw. A member named twice keeps
 * its last value, as JSON.parse does.
 *
 * Errors: JsonScanError or JSON.parse's SyntaxError; a picked value nested
 * deeper than the stack allows throws RangeError (skipped values have no
 * depth limit). Callers that must agree with JSON.parse on every input fall
 * back to it on any error.
 */

/** Not JSON at `offset`. */
export class JsonScanError extends SyntaxError {
  constructor(
    readonly offset: number,
    what: string,
  ) {
    super(`JSON: ${what} at offset ${offset}`);
  }
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** RFC 8259 §6. */
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

/** The first offset from `i` that is not JSON whitespace (space, tab, LF, CR). */
function skipWhitespace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** Hex digit char codes: 0-9, A-F, a-f. */
const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);

/**
 * `i` at an opening quote: the offset after the closing one, found with
 * indexOf (the first quote after an even run of backslashes): ~3× faster than
 * a character loop over reports, whose bulk is text (measured). Contents are
 * not looked at here: readPicked() has checked the whole text for control
 * characters and bad escapes first.
 */
function stringEnd(text: string, i: number): number {
  let p = i + 1;
  for (;;) {
    const q = text.indexOf('"', p);
    if (q === -1) throw new JsonScanError(i, 'unterminated string');
    let b = q - 1;
    while (text.charCodeAt(b) === BACKSLASH) b--;
    if (((q - 1 - b) & 1) === 0) return q + 1;
    p = q + 1;
  }
}

function expectWord(text: string, i: number, word: string): number {
  if (!text.startsWith(word, i)) throw new JsonScanError(i, 'unexpected character');
  return i + word.length;
}

/**
 * Walks the object at `i` (its `{`). `onMember(keyStart, keyEnd, valueStart)`
 * may read the value itself and return the offset after it; otherwise the
 * value is skipped. Returns the offset after the `}`.
 */
function scanObject(text: string, i: number, onMember?: (keyStart: number, keyEnd: number, valueStart: number) => number | undefined): number {
  let p = skipWhitespace(text, i + 1);
  if (text.charCodeAt(p) === CLOSE_BRACE) return p + 1;
  for (;;) {
    if (text.charCodeAt(p) !== QUOTE) throw new JsonScanError(p, 'expected a member name');
    const keyStart = p;
    p = stringEnd(text, p);
    const keyEnd = p;
    p = skipWhitespace(text, p);
    if (text.charCodeAt(p) !== COLON) throw new JsonScanError(p, 'expected a colon');
    p = skipWhitespace(text, p + 1);
    p = onMember?.(keyStart, keyEnd, p) ?? skipValue(text, p);
    p = skipWhitespace(text, p);
    const c = text.charCodeAt(p);
    if (c === CLOSE_BRACE) return p + 1;
    if (c !== COMMA) throw new JsonScanError(p, 'expected a comma or }');
    p = skipWhitespace(text, p + 1);
  }
}

/** Walks the array at `i` (its `[`); `onElement(start)` reads an element as scanObject's onMember does. Returns the offset after the `]`. */
function scanArray(text: string, i: number, onElement?: (start: number) => number | undefined): number {
  let p = skipWhitespace(text, i + 1);
  if (text.charCodeAt(p) === CLOSE_BRACKET) return p + 1;
  for (;;) {
    p = onElement?.(p) ?? skipValue(text, p);
    p = skipWhitespace(text, p);
    const c = text.charCodeAt(p);
    if (c === CLOSE_BRACKET) return p + 1;
    if (c !== COMMA) throw new JsonScanError(p, 'expected a comma or ]');
    p = skipWhitespace(text, p + 1);
  }
}

/** Open containers while skipping: 1 an object, 2 an array. Shared (skipValue does not re-enter) and grown as deep as the text goes. */
let openContainers = new Uint8Array(256);
const IN_OBJECT = 1;
const IN_ARRAY = 2;

/** `i` at a member name: the offset of its value (name, colon and whitespace passed). */
function passMemberName(text: string, i: number): number {
  if (text.charCodeAt(i) !== QUOTE) throw new JsonScanError(i, 'expected a member name');
  const p = skipWhitespace(text, stringEnd(text, i));
  if (text.charCodeAt(p) !== COLON) throw new JsonScanError(p, 'expected a colon');
  return skipWhitespace(text, p + 1);
}

/**
 * `i` at the first character of a value: the offset after it. Throws
 * JsonScanError when no valid value starts there. One loop with its own
 * stack rather than recursion: ~2× faster on reports (measured), and no
 * depth limit.
 */
export function skipValue(text: string, i: number): number {
  let p = i;
  let depth = 0;
  for (;;) {
    // A value starts at p.
    const c = text.charCodeAt(p);
    if (c === QUOTE) p = stringEnd(text, p);
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const inObject = c === OPEN_BRACE;
      p = skipWhitespace(text, p + 1);
      if (text.charCodeAt(p) === (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) p++;
      else {
        if (depth === openContainers.length) {
          const grown = new Uint8Array(depth * 2);
          grown.set(openContainers);
          openContainers = grown;
        }
        openContainers[depth++] = inObject ? IN_OBJECT : IN_ARRAY;
        if (inObject) p = passMemberName(text, p);
        continue;
      }
    } else if (c === 116) p = expectWord(text, p, 'true');
    else if (c === 102) p = expectWord(text, p, 'false');
    else if (c === 110) p = expectWord(text, p, 'null');
    else {
      NUMBER.lastIndex = p;
      if (!NUMBER.test(text)) throw new JsonScanError(p, Number.isNaN(c) ? 'unexpected end' : 'unexpected character');
      p = NUMBER.lastIndex;
    }
    // A value ended at p: close containers until a comma opens the next value.
    for (;;) {
      if (depth === 0) return p;
      p = skipWhitespace(text, p);
      const next = text.charCodeAt(p);
      const inObject = openContainers[depth - 1] === IN_OBJECT;
      if (next === COMMA) {
        p = skipWhitespace(text, p + 1);
        if (inObject) p = passMemberName(text, p);
        break;
      }
      if (next !== (inObject ? CLOSE_BRACE : CLOSE_BRACKET)) throw new JsonScanError(p, inObject ? 'expected a comma or }' : 'expected a comma or ]');
      p++;
      depth--;
    }
  }
}

/**
 * What to build of a JSON value: `'value'` the whole value (JSON.parse over
 * its span); `{ members }` an object holding only those members, each built by
 * its own pattern; `{ each }` an array of every element built by the pattern.
 * A value of another type than its pattern expects is built whole, so the
 * caller sees what JSON.parse would have given there.
 */
export type Pick = 'value' | { members: Readonly<Record<string, Pick>> } | { each: Pick };

/** Builds the value at `i` by `pick`: [value, the offset after it]. */
function readAt(text: string, i: number, pick: Pick, decode: ((text: string) => string) | undefined): [unknown, number] {
  const c = text.charCodeAt(i);
  if (pick !== 'value' && 'members' in pick && c === OPEN_BRACE) {
    // Own properties only, as JSON.parse makes them (a member named __proto__ stays a member).
    const picked: Record<string, unknown> = {};
    const names = memberNames(pick.members);
    const end = scanObject(text, i, (keyStart, keyEnd, valueStart) => {
      const key = matchName(text, keyStart, keyEnd, names);
      if (key === undefined) return undefined;
      const [value, valueEnd] = readAt(text, valueStart, pick.members[key]!, decode);
      Object.defineProperty(picked, key, { value, enumerable: true, writable: true, configurable: true });
      return valueEnd;
    });
    return [picked, end];
  }
  if (pick !== 'value' && 'each' in pick && c === OPEN_BRACKET) {
    const elements: unknown[] = [];
    const end = scanArray(text, i, (start) => {
      const [value, valueEnd] = readAt(text, start, pick.each, decode);
      elements.push(value);
      return valueEnd;
    });
    return [elements, end];
  }
  const end = skipValue(text, i);
  const span = text.slice(i, end);
  return [JSON.parse(decode ? decode(span) : span), end];
}

/**
 * The one JSON value `text` holds (whitespace around it allowed), built only
 * as far as `pick` asks; the rest is checked and skipped in the same pass.
 * `decode` turns each built value's text into the text JSON.parse reads
 * (a Latin-1 copy of UTF-8 back to its characters, say). Throws
 * JsonScanError (or RangeError, picked values nested too deep) unless the
 * whole text is JSON.
 */
export function readPicked(text: string, pick: Pick, decode?: (text: string) => string): unknown {
  if (hasControlCharacter(text) || hasBadEscape(text)) return pickFrom(JSON.parse(decode ? decode(text) : text), pick);
  const start = skipWhitespace(text, 0);
  const [value, end] = readAt(text, start, pick, decode);
  const after = skipWhitespace(text, end);
  if (after !== text.length) throw new JsonScanError(after, 'text after the value');
  return value;
}

const namesOfMembers = new WeakMap<object, string[]>();
function memberNames(members: Readonly<Record<string, Pick>>): string[] {
  let names = namesOfMembers.get(members);
  if (!names) namesOfMembers.set(members, (names = Object.keys(members)));
  return names;
}

/**
 * Which of `names` the member name at [keyStart, keyEnd) (quotes included)
 * is, compared in place: slicing every name cost a third of the read
 * (measured). An escaped name is decoded first (\u0063ause is cause).
 */
function matchName(text: string, keyStart: number, keyEnd: number, names: readonly string[]): string | undefined {
  const length = keyEnd - keyStart - 2;
  for (const name of names) if (name.length === length && text.startsWith(name, keyStart + 1)) return name;
  for (let k = keyStart + 1; k < keyEnd - 1; k++)
    if (text.charCodeAt(k) === BACKSLASH) {
      const key = JSON.parse(text.slice(keyStart, keyEnd)) as string;
      return names.includes(key) ? key : undefined;
    }
  return undefined;
}

/**
 * A control character anywhere: inside a string JSON.parse refuses it; between
 * tokens it is whitespace, which JSON.stringify never writes. Either way the
 * text is parsed whole. One RegExp pass; with both checks the fleet's 100,000
 * records took 15.2–15.9 s, without them 13.2–17.2 s (three runs each).
 */
const hasControlCharacter = (text: string) => CONTROL_CHARACTER.test(text);
// eslint-disable-next-line no-control-regex -- control characters are what it looks for (RFC 8259 §7)
const CONTROL_CHARACTER = /[\u0000-\u001f]/;

/** A backslash that does not start a valid escape (RFC 8259 §7), found from one backslash to the next: reports hold few. */
function hasBadEscape(text: string): boolean {
  for (let i = text.indexOf('\\'); i !== -1; i = text.indexOf('\\', i + 2)) {
    const e = text.charCodeAt(i + 1);
    if (e === QUOTE || e === BACKSLASH || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) continue;
    if (e !== 117 || !isHex(text.charCodeAt(i + 2)) || !isHex(text.charCodeAt(i + 3)) || !isHex(text.charCodeAt(i + 4)) || !isHex(text.charCodeAt(i + 5)))
      return true;
  }
  return false;
}

/** What readAt() builds, from a value JSON.parse built whole: the same members, the same elements. */
function pickFrom(value: unknown, pick: Pick): unknown {
  if (pick === 'value') return value;
  if ('members' in pick) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
    const picked: Record<string, unknown> = {};
    for (const name of memberNames(pick.members))
      if (Object.hasOwn(value, name))
        Object.defineProperty(picked, name, {
          value: pickFrom((value as Record<string, unknown>)[name], pick.members[name]!),
          enumerable: true,
          writable: true,
          configurable: true,
        });
    return picked;
  }
  return Array.isArray(value) ? value.map((element) => pickFrom(element, pick.each)) : value;
}
