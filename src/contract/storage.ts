/**
 * The storage schema: every key the extension keeps, its area, its type and
 * its default, and the reader that turns whatever storage holds (this
 * version's value, another version's, a damaged one) into a value of that
 * type, with a list of what it had to drop. Reading never throws; as with
 * the managed policy, a bad field falls back to its default and is named.
 * background/storage/storage-area.ts is the one module that calls
 * `chrome.storage` with these entries.
 */
import { readHistoryValue } from '../report/history';
import { readStoredReport, storedReportProblem } from '../report/stored';
import { describeLimitProblem, reportLimitProblem } from '../report/limits';
import type { Report } from '../report/types';
import { readStoredProfiles, readStoredSettings } from '../settings/stored';
import type { Settings, StoredProfile } from '../settings/types';
import { STORAGE_KEYS, type StorageName } from './storage-keys';
import { readQueuedReports, type QueuedReport } from '../fleet/queue';
import { readSendStatus, type SendStatus } from '../fleet/status';

export type StorageAreaName = 'local' | 'session';

/** One key of the schema. `read` keeps what is valid; `problems` names what it dropped (key and field, never the value). */
export interface StorageEntry<T> {
  area: StorageAreaName;
  key: string;
  fallback: T;
  read(raw: unknown): T;
  problems(raw: unknown, value: T): string[];
}

const isPresent = (raw: unknown) => raw !== undefined;

function listProblems(key: string) {
  return (raw: unknown, value: readonly unknown[]): string[] => {
    if (!isPresent(raw)) return [];
    if (!Array.isArray(raw)) return [`\`${key}\` is not a list; it was read as empty`];
    const dropped = raw.length - value.length;
    return dropped > 0 ? [`${dropped} of ${raw.length} entries of \`${key}\` could not be read and were left out`] : [];
  };
}

/** How many reports of the history were left out, then each one a limit refused (a date that does not exist, nesting too deep…) by index and reason, never its content. */
function historyProblems(raw: unknown, value: readonly unknown[]): string[] {
  const counted = listProblems('reportHistory')(raw, value);
  if (!Array.isArray(raw)) return counted;
  return [
    ...counted,
    ...Array.from(raw).flatMap((item, index) => {
      const limit = reportLimitProblem(item);
      return limit === null ? [] : [`\`reportHistory[${index}]\`: ${describeLimitProblem(limit)}`];
    }),
  ];
}

function settingsProblems(raw: unknown, value: Partial<Settings>): string[] {
  if (!isPresent(raw)) return [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return ['`settings` is not an object; the defaults are used'];
  return Object.keys(raw)
    .filter((field) => !(field in value))
    .map((field) => `\`settings.${field}\` is unknown or not a valid value; the default is used`);
}

/** The schema, one entry per key of STORAGE_KEYS (a key without an entry does not compile). */
export const STORAGE_SCHEMA: { [N in StorageName]: StorageEntry<StorageValue<N>> } = {
  lastReport: {
    area: 'local',
    key: STORAGE_KEYS.lastReport,
    fallback: null,
    read: readStoredReport,
    problems: (raw, value) => (isPresent(raw) && value === null ? [`\`lastReport\` could not be read (${storedReportProblem(raw)}); it is not shown`] : []),
  },
  reportHistory: { area: 'local', key: STORAGE_KEYS.reportHistory, fallback: [], read: readHistoryValue, problems: historyProblems },
  settings: { area: 'local', key: STORAGE_KEYS.settings, fallback: {}, read: readStoredSettings, problems: settingsProblems },
  customProfiles: { area: 'local', key: STORAGE_KEYS.customProfiles, fallback: [], read: readStoredProfiles, problems: listProblems('customProfiles') },
  startupRunPendingSince: {
    area: 'session',
    key: STORAGE_KEYS.startupRunPendingSince,
    fallback: null,
    read: (raw) => (typeof raw === 'number' && Number.isFinite(raw) ? raw : null),
    problems: (raw, value) => (isPresent(raw) && value === null ? ['`startupRunPendingSince` is not a time; the start-up run is dropped'] : []),
  },
  reportSendQueue: { area: 'local', key: STORAGE_KEYS.reportSendQueue, fallback: [], read: readQueuedReports, problems: listProblems('reportSendQueue') },
  reportSendStatus: {
    area: 'local',
    key: STORAGE_KEYS.reportSendStatus,
    fallback: readSendStatus(undefined),
    read: readSendStatus,
    problems: (raw) => (isPresent(raw) && (typeof raw !== 'object' || raw === null) ? ['`reportSendStatus` is not an object; the counts start again'] : []),
  },
};

/** The type each key holds once read. */
export interface StorageValues {
  lastReport: Report | null;
  reportHistory: Report[];
  settings: Partial<Settings>;
  customProfiles: StoredProfile[];
  startupRunPendingSince: number | null;
  reportSendQueue: QueuedReport[];
  reportSendStatus: SendStatus;
}
export type StorageValue<N extends StorageName> = StorageValues[N];

/** Reads one key's raw value through its schema entry: the value and what was dropped. */
export function readStorageValue<N extends StorageName>(name: N, raw: unknown): { value: StorageValue<N>; problems: string[] } {
  const entry = STORAGE_SCHEMA[name] as StorageEntry<StorageValue<N>>;
  const value = isPresent(raw) ? entry.read(raw) : entry.fallback;
  return { value, problems: entry.problems(raw, value) };
}
