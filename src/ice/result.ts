/** The outcome of parsing untrusted text: a value, or one named error. Parsers never throw. */
export type Parsed<T, Code extends string> = { ok: true; value: T } | { ok: false; error: { code: Code; message: string } };

export function parsed<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function failure<Code extends string>(code: Code, message: string): { ok: false; error: { code: Code; message: string } } {
  return { ok: false, error: { code, message } };
}

/** Quote untrusted text in a message without letting a huge input flood it. */
export function quote(text: string, max = 60): string {
  const shown = text.length > max ? `${text.slice(0, max)}…` : text;
  return JSON.stringify(shown);
}
