/**
 * Text from a profile, a server or the browser, made inert inside the ticket
 * text's Markdown: a profile name with `![x](https://…)` or a purpose with a
 * code fence must read as the characters written, not as an image, a link,
 * HTML or the end of a block. CommonMark lets any ASCII punctuation be
 * backslash-escaped; only the characters that can start markup are, so the
 * text still reads as plain text where a ticket system shows it raw.
 */

/** One line of inline text: line breaks become spaces (no new block can start), markup characters are escaped. */
export function mdText(text: string): string {
  return (
    text
      .replace(/[\r\n\u2028\u2029]+/g, ' ')
      .replace(/[\\`*[\]<>|~]/g, '\\$&')
      // An underscore between two letters or digits never starts emphasis (ERR_NAME_NOT_RESOLVED stays readable).
      .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\_')
  );
}

/** `text` as a fenced code block, its fence longer than any backtick run inside (CommonMark), so the text cannot close it. */
export function mdFence(text: string): string[] {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [fence, text, fence];
}
