/**
 * `npm run check -- --profile <id> …`: a check without a display. It builds
 * nothing: it starts the built extension (dist/) in headless Chromium, asks it
 * through the automation interface (docs/automation.md), prints the report
 * and exits with a status scripts can test (see USAGE).
 */
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateProfile } from '../src/profile/validate';
import { parseJsonText } from '../src/profile/json-text';
import { probeOrigins } from '../src/checks/probe-origins';
import { exitStatusOf, parseCheckArgs, USAGE, type CheckArgs } from './args';
import { DIST, extensionWithHostAccess, launchProblem, launchWithExtension, requestFromPage } from './launch';
import { DIST_FIREFOX, firefoxExtensionCopy, launchFirefoxWithExtension, sendFromFirefoxPage } from './launch-firefox';
import type { ReplyOf, RequestOf } from '../src/contract/requests';
import { renderForCli } from './render';

const EX_USAGE = 64;
const EX_SOFTWARE = 70;

class UsageError extends Error {}

async function readProfileFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read --profile-file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new UsageError(`${path} is ${parsed.error.message}`);
  return parsed.value;
}

/** The run message, and the host permissions a user-chosen profile needs (the CLI user grants them by running it). */
async function runMessage(args: CheckArgs): Promise<{ message: RequestOf<'run'>; origins: string[] }> {
  const options = {
    ...(args.region ? { region: args.region } : {}),
    ...(args.deadlineMs ? { deadlineMs: args.deadlineMs } : {}),
    ...(Object.keys(args.choices).length > 0 ? { choices: args.choices } : {}),
  };
  if (args.profileId !== null) return { message: { type: 'run', profileId: args.profileId, options }, origins: [] };
  const document = await readProfileFile(args.profileFile!);
  const { profile, errors } = validateProfile(document);
  if (!profile) {
    throw new UsageError(`${args.profileFile} is not a usable profile:\n${errors.map((e) => `  ${e.path || '(document)'}: ${e.message}`).join('\n')}`);
  }
  // Like the extension, keep what is valid and say what was dropped.
  for (const e of errors) process.stderr.write(`check: ${args.profileFile}: ${e.path || '(document)'}: ${e.message} (left out)\n`);
  return { message: { type: 'run', profile: document, options }, origins: probeOrigins(profile, args.region ?? undefined) };
}

async function check(args: CheckArgs): Promise<number> {
  const dist = args.browser === 'firefox' ? DIST_FIREFOX : DIST;
  try {
    await access(join(dist, 'manifest.json'));
  } catch {
    throw new Error(`no built extension in ${dist}: run \`npm run build\` first`);
  }
  const { message, origins } = await runMessage(args);
  if (args.browser === 'firefox') return checkInFirefox(args, message, origins);
  const problem = await launchProblem({ chromium: args.chromium, ...(args.netns ? { netns: args.netns } : {}) });
  if (problem) throw new UsageError(problem);
  const copy = origins.length > 0 ? await extensionWithHostAccess(origins) : null;
  let ext: Awaited<ReturnType<typeof launchWithExtension>> | null = null;
  try {
    ext = await launchWithExtension({
      ...(copy ? { extensionDir: copy.dir } : {}),
      ...(args.netns ? { netns: args.netns } : {}),
      chromium: args.chromium,
    });
    process.stderr.write(`Checking ${args.profileId ?? args.profileFile} …\n`);
    const page = await ext.openPage('popup/index.html');
    // No reply at all means the service worker stopped mid-run: say that, not Chrome's channel error.
    const reply = await requestFromPage(page, message).catch((): ReplyOf<'run'> => ({
      error: { code: 'run-failed', message: "the extension's service worker stopped before the run finished" },
    }));
    return printReply(reply, args);
  } finally {
    // Also when Chromium failed to start: no copy of the extension is left in the temp folder.
    await ext?.close();
    await copy?.remove();
  }
}

/** The run in Firefox: the same request, through an extension page reached as Firefox allows under BiDi. */
async function checkInFirefox(args: CheckArgs, message: RequestOf<'run'>, origins: string[]): Promise<number> {
  const problem = await launchProblem({ chromium: args.firefox, ...(args.netns ? { netns: args.netns } : {}) });
  if (problem) throw new UsageError(problem.replace('install chromium or name one with --chromium', 'install firefox-esr or name one with --firefox'));
  // Always a copy: its pages must be web-accessible for BiDi to open one (cli/launch-firefox.ts).
  const copy = await firefoxExtensionCopy(origins);
  let ff: Awaited<ReturnType<typeof launchFirefoxWithExtension>> | null = null;
  try {
    ff = await launchFirefoxWithExtension({ extensionDir: copy.dir, firefox: args.firefox, ...(args.netns ? { netns: args.netns } : {}) });
    process.stderr.write(`Checking ${args.profileId ?? args.profileFile} in Firefox …\n`);
    const page = await ff.openPage('popup/index.html');
    const reply = await sendFromFirefoxPage<ReplyOf<'run'>>(page, message).catch((): ReplyOf<'run'> => ({
      error: { code: 'run-failed', message: "the extension's background page stopped before the run finished" },
    }));
    return printReply(reply, args);
  } finally {
    await ff?.close();
    await copy.remove();
  }
}

async function main(): Promise<number> {
  const parsed = parseCheckArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`check: ${parsed.message}\n\n${USAGE}\n`);
    return EX_USAGE;
  }
  if (parsed.args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  try {
    return await check(parsed.args);
  } catch (err) {
    process.stderr.write(`check: ${err instanceof Error ? err.message : String(err)}\n`);
    return err instanceof UsageError ? EX_USAGE : EX_SOFTWARE;
  }
}

process.exitCode = await main();

/** The run's reply on stdout and as the exit status; a refusal is the caller's to fix (64), a run that failed is ours (70). */
function printReply(reply: ReplyOf<'run'>, args: CheckArgs): number {
  if ('error' in reply) {
    const details = (reply.error.details ?? []).map((d) => `\n  ${d.path || '(document)'}: ${d.message}`).join('');
    if (reply.error.code === 'run-failed') throw new Error(`the check could not run (run-failed): ${reply.error.message}`);
    throw new UsageError(`the extension refused the run (${reply.error.code}): ${reply.error.message}${details}`);
  }
  process.stdout.write(renderForCli(reply, args));
  return exitStatusOf(reply);
}
