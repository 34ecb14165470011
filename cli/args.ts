/**
 * `npm run check -- …` arguments -> what to run. Pure, so every bad input has
 * a tested message; the runner only acts on a parsed request.
 */
import { MAX_DEADLINE_MS, MIN_DEADLINE_MS } from '../src/checks/deadline';

export type OutputFormat = 'text' | 'json';

export interface CheckArgs {
  /** A built-in profile id, or null with `profileFile`. */
  profileId: string | null;
  profileFile: string | null;
  region: string | null;
  /** Built-in profile options, e.g. `connection=legacy`. */
  choices: Record<string, string>;
  format: OutputFormat;
  deadlineMs: number | null;
  /** Run the browser inside this network namespace (labs, isolated checks). */
  netns: string | null;
  /** Which build runs where: dist/ in Chromium, or dist-firefox/ in Firefox. */
  browser: 'chromium' | 'firefox';
  chromium: string;
  firefox: string;
  /** Replace IP addresses with placeholders; default: yes for the ticket text, no for JSON. */
  redactIps: boolean | null;
  help: boolean;
}

export const USAGE = `Usage: npm run check -- (--profile <id> | --profile-file <file.json>) [options]

  --profile <id>          built-in profile: senso, remotespark, onsight, custom
  --profile-file <file>   a profile JSON document (docs/profile.schema.json)
  --region <id>           region of the profile, e.g. eu, na
  --option <name=value>   a profile option, e.g. --option connection=legacy (repeatable)
  --format text|json      ticket text (default) or the JSON report
  --deadline <ms>         per-check deadline, 500-60000 (default 5000)
  --redact-ips            replace this computer's IP addresses with host-1, public-1 …
                          (the default for text)
  --keep-ips              keep them (the default for json)
  --netns <name>          run the browser inside this network namespace
  --browser chromium|firefox
                          the Chrome build (dist/) in Chromium (default), or the
                          Firefox build (dist-firefox/) in Firefox
  --chromium <path>       Chromium binary (default /usr/bin/chromium)
  --firefox <path>        Firefox binary (default /usr/bin/firefox-esr)

Exit status: 0 calls will connect and no rule is missing; 1 rules are missing;
2 calls will not connect (route none, or no network); 3 nothing the profile names
can be tested from a browser (verify its rules on the firewall); 64 bad arguments;
70 the check could not run.`;

export type ParsedArgs = { ok: true; args: CheckArgs } | { ok: false; message: string };

const VALUE_FLAGS = new Set([
  '--profile',
  '--profile-file',
  '--region',
  '--option',
  '--format',
  '--deadline',
  '--netns',
  '--browser',
  '--chromium',
  '--firefox',
]);

export function parseCheckArgs(argv: readonly string[]): ParsedArgs {
  const args: CheckArgs = {
    profileId: null,
    profileFile: null,
    region: null,
    choices: {},
    format: 'text',
    deadlineMs: null,
    netns: null,
    browser: 'chromium',
    chromium: '/usr/bin/chromium',
    firefox: '/usr/bin/firefox-esr',
    redactIps: null,
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i]!;
    const eq = raw.indexOf('=');
    const flag = raw.startsWith('--') && eq > 0 ? raw.slice(0, eq) : raw;
    if (flag === '--help' || flag === '-h') {
      args.help = true;
      continue;
    }
    if (flag === '--redact-ips' || flag === '--keep-ips') {
      args.redactIps = flag === '--redact-ips';
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) return { ok: false, message: `unknown argument "${raw}"` };
    const value = flag !== raw ? raw.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '') return { ok: false, message: `${flag} needs a value` };
    switch (flag) {
      case '--profile':
        args.profileId = value;
        break;
      case '--profile-file':
        args.profileFile = value;
        break;
      case '--region':
        args.region = value;
        break;
      case '--option': {
        const split = value.indexOf('=');
        if (split <= 0 || split === value.length - 1) return { ok: false, message: `--option takes name=value, got "${value}"` };
        args.choices[value.slice(0, split)] = value.slice(split + 1);
        break;
      }
      case '--format':
        if (value !== 'text' && value !== 'json') return { ok: false, message: `--format must be text or json, got "${value}"` };
        args.format = value;
        break;
      case '--deadline': {
        const ms = Number(value);
        if (!Number.isInteger(ms) || ms < MIN_DEADLINE_MS || ms > MAX_DEADLINE_MS) {
          return { ok: false, message: `--deadline must be whole milliseconds from ${MIN_DEADLINE_MS} to ${MAX_DEADLINE_MS}, got "${value}"` };
        }
        args.deadlineMs = ms;
        break;
      }
      case '--netns':
        if (!/^[\w.-]{1,64}$/.test(value)) return { ok: false, message: `--netns "${value}" is not a namespace name` };
        args.netns = value;
        break;
      case '--browser':
        if (value !== 'chromium' && value !== 'firefox') return { ok: false, message: `--browser must be chromium or firefox, got "${value}"` };
        args.browser = value;
        break;
      case '--chromium':
        args.chromium = value;
        break;
      case '--firefox':
        args.firefox = value;
        break;
    }
  }
  if (args.help) return { ok: true, args };
  if ((args.profileId === null) === (args.profileFile === null)) {
    return { ok: false, message: 'give exactly one of --profile <id> or --profile-file <file.json>' };
  }
  if (args.profileFile !== null && Object.keys(args.choices).length > 0) {
    return { ok: false, message: '--option applies to built-in profiles only' };
  }
  return { ok: true, args };
}

/**
 * 0 calls connect, nothing to fix; 1 something to fix (missing firewall rules,
 * another cause's findings, a required service blocked); 2 no route (or no
 * network), or no STUN/TURN to test and a required service blocked (outcome
 * `bad`); 3 nothing else could be tested from a browser (verify the rules on the firewall).
 */
export function exitStatusOf(report: {
  verdict: { route: string };
  missingRules: unknown[];
  otherCauses?: { rules: unknown[] }[];
  outcome?: { tone: string };
}): 0 | 1 | 2 | 3 {
  if (report.verdict.route === 'none' || report.outcome?.tone === 'bad') return 2;
  if (report.verdict.route === 'untested') return 3;
  const toFix = report.missingRules.length + (report.otherCauses ?? []).reduce((n, c) => n + c.rules.length, 0);
  return toFix > 0 || report.outcome?.tone === 'limited' ? 1 : 0;
}
