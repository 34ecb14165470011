import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { isErrorReply, type ErrorReply } from '../../src/contract/requests';
import { validateProfile } from '../../src/profile/validate';
import { jsonErrorDetail } from '../../src/profile/json-text';
import type { SettingKey, Settings, SettingsView } from '../../src/settings/types';
import { requestHostAccess } from '../shared/host-access';
import { t } from '../shared/i18n';
import { send } from '../shared/send';
import { CheckSettings } from './CheckSettings';
import { PolicyInfo } from './PolicyInfo';
import { FleetInfo } from './FleetInfo';
import { NoticeView, type Notice } from './Notice';
import { describePath } from './rule-path';
import { openReportPage, REPORT_PAGE_SHORT } from '../shared/report-page';

export function Options() {
  const [view, setView] = useState<SettingsView | null>(null);
  const [granted, setGranted] = useState<string[]>([]);
  const [json, setJson] = useState('');
  const [notice, setNotice] = useState<Notice>(null);
  const [saveNotice, setSaveNotice] = useState<Notice>(null);

  const showView = (reply: SettingsView | ErrorReply) => {
    if (isErrorReply(reply)) setNotice({ kind: 'error', text: t('options_load_failed', [reply.error.message]) });
    else setView(reply);
  };
  const reload = () => send({ type: 'getSettings' }).then(showView, (err: unknown) => showView({ error: { code: 'unreachable', message: String(err) } }));
  useEffect(() => {
    void reload();
    browser.permissions.getAll().then(
      (p) => setGranted(p.origins ?? []),
      () => undefined,
    );
  }, []);

  const save = async (patch: Partial<Settings>) => {
    const reply = await send({ type: 'saveSettings', settings: patch }).catch((err: unknown) => ({
      error: { code: 'unreachable', message: err instanceof Error ? err.message : String(err), details: undefined },
    }));
    if (isErrorReply(reply)) setSaveNotice({ kind: 'error', text: t('options_save_failed', [reply.error.message]), errors: reply.error.details });
    else {
      setView(reply);
      setSaveNotice({ kind: 'ok', text: t('options_saved') });
    }
  };

  const importJson = async () => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(json);
    } catch (err) {
      // Our own words: the browser's JSON message quotes the text, which may hold a credential.
      setNotice({ kind: 'error', text: t('options_import_not_json', [jsonErrorDetail(json, err) || '?']) });
      return;
    }
    // Asked here, in the click, before any await: Chrome grants only inside a user gesture.
    const local = validateProfile(parsed).profile;
    if (local) requestHostAccess(local, granted);
    const reply = await send({ type: 'importProfile', profile: parsed }).catch((err: unknown) => ({
      error: { code: 'unreachable', message: err instanceof Error ? err.message : String(err), details: undefined },
    }));
    const place = (path: string) => describePath(parsed, path, t);
    if (isErrorReply(reply)) {
      setNotice({
        kind: 'error',
        text: t('options_import_invalid'),
        errors: reply.error.details ?? [{ path: '', code: 'type', message: reply.error.message }],
        place,
      });
      return;
    }
    const warned = reply.warnings.length > 0;
    setNotice({
      kind: 'ok',
      text: `${t('options_imported', [reply.profile.name])}${warned ? ` ${t('options_import_warnings')}` : ''}`,
      errors: warned ? reply.warnings : undefined,
      place,
      local: reply.localTargets,
    });
    setJson('');
    await reload();
  };

  const readFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (file) setJson(await file.text());
  };

  const download = (id: string) => {
    const profile = view?.customProfiles.find((p) => p.id === id);
    if (!profile) return;
    const url = URL.createObjectURL(new Blob([JSON.stringify(profile, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${id}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const remove = async (id: string) => {
    try {
      showView(await send({ type: 'deleteProfile', id }));
    } catch (err) {
      setNotice({ kind: 'error', text: t('options_save_failed', [err instanceof Error ? err.message : String(err)]) });
    }
  };

  if (!view) return <NoticeView notice={notice} testid="options-notice" />;
  const locked = (key: SettingKey) => view.locked.includes(key);
  return (
    <main>
      <h1>{t('options_title')}</h1>
      <CheckSettings view={view} granted={granted} locked={locked} onSave={save} notice={saveNotice} />

      <h2>{t('options_custom_heading')}</h2>
      {view.customProfiles.length === 0 ? (
        <p class="muted">{t('options_no_custom')}</p>
      ) : (
        <ul class="profiles" data-testid="custom-profiles">
          {view.customProfiles.map((p) => (
            <li key={p.id} data-profile={p.id}>
              <span>
                <strong>{p.name}</strong>{' '}
                <span class="muted">
                  ({p.id}, v{p.version}, {t('options_rules_count', [p.rules.length])})
                </span>
              </span>
              <span class="row">
                <button type="button" onClick={() => download(p.id)}>
                  {t('options_export', [p.name])}
                </button>
                {/* A profile the policy pushed comes back with the policy: no Delete that would do nothing. */}
                {p.id === view.policyProfileId ? (
                  <span class="locked" data-testid={`policy-profile-${p.id}`}>
                    <span aria-hidden="true">🔒 </span>
                    {t('options_profile_from_policy')}
                  </span>
                ) : (
                  <button type="button" onClick={() => void remove(p.id)} data-testid={`delete-${p.id}`}>
                    {t('options_delete', [p.name])}
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <label>
        {t('options_import_label')}
        <textarea value={json} onInput={(e) => setJson(e.currentTarget.value)} spellcheck={false} data-testid="import-json" />
      </label>
      <label>
        {t('options_import_file')} <input type="file" accept="application/json,.json" onChange={(e) => void readFile(e.currentTarget)} />
      </label>
      <button type="button" class="primary" onClick={() => void importJson()} data-testid="import-button">
        {t('options_import_button')}
      </button>
      <NoticeView notice={notice} testid="import-notice" />

      {/* The help desk's way in (issue 28): a fresh browser has no report yet, and so no other way to this page. */}
      <h2>{t('options_reports_heading')}</h2>
      <p>{t('options_reports_text')}</p>
      <button type="button" onClick={() => void openReportPage()} data-testid="open-report-page">
        {t('open_report_file')}
      </button>
      <p class="muted" data-testid="report-page-address">
        {t('options_reports_address', [browser.runtime.getURL(REPORT_PAGE_SHORT)])}
      </p>

      <h2>{t('options_policy_heading')}</h2>
      <PolicyInfo view={view} />
      <FleetInfo view={view} />
    </main>
  );
}
