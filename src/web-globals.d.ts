/**
 * The only globals the core uses beyond ECMAScript 2022: WHATWG URL and the
 * UTF-8 text codecs, which the service worker, the extension pages, Firefox's
 * event page and Node (the CLI, the tests) all provide with the same meaning.
 * tsconfig.core.json compiles src/ with `lib: ["ES2022"]` and no types, so
 * anything else (`document`, `window`, `process`, `Buffer`, `chrome`) is an
 * unknown name there. Members are declared as the core reads them; add one here
 * only if every one of those runtimes has it.
 */
declare class URL {
  constructor(url: string, base?: string | URL);
  readonly origin: string;
  href: string;
  protocol: string;
  username: string;
  password: string;
  host: string;
  hostname: string;
  port: string;
  pathname: string;
  search: string;
  hash: string;
  toString(): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
}

declare class TextDecoder {
  constructor(label?: string);
  decode(input?: ArrayBufferView | ArrayBuffer): string;
}
