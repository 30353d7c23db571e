import { useEffect, useState } from 'react';
import type { BackupInfo, BackupSettings, VerifyProblem, VerifyReport } from '../../../../shared/api/integrity';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Modal } from '../../components/Modal';
import { useI18n, type MessageKey, type Translate } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import './integrity.css';

function when(iso: string, lang: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB');
}

function size(bytes: number): string {
  return bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function problemText(t: Translate, p: VerifyProblem, lang: string): string {
  const rows = p.rowIdTo !== undefined && p.rowIdTo !== p.rowId ? `${p.rowId}–${p.rowIdTo}` : String(p.rowId ?? '');
  return t(`integrity.problem.${p.code}` as MessageKey, {
    table: p.table ?? '',
    rows,
    sealId: p.sealId ?? '',
    sealedAt: p.sealedAt ? when(p.sealedAt, lang) : '',
    expected: p.expected ?? '',
    found: p.found ?? '',
    detail: p.detail ?? '',
  });
}

/** Settings › Data safety: the hash chain and its verification, the instance lock, backups and restore. */
export function IntegrityPanel(props: { refresh?: number }) {
  const { t, lang } = useI18n();
  // Reloaded when the backup folder changes (Settings › Backup folder): the list is that folder's.
  const status = useLoad(() => call('integrity-status', {}), [props.refresh ?? 0]);
  const verify = useSubmit('integrity-verify');
  const [report, setReport] = useState<VerifyReport | null>(null);
  useEffect(() => {
    if (status.data?.lastVerify && !report) setReport(status.data.lastVerify);
  }, [status.data, report]);

  if (status.error) return <ErrorBox error={status.error} onRetry={status.reload} />;
  const s = status.data;
  if (!s) return null;
  const runVerify = async () => {
    const r = await verify.submit({});
    if (r) setReport(r);
  };
  return (
    <section className="card settings-card settings-wide integrity" data-section="integrity">
      <h2>{t('integrity.title')}</h2>
      <p className="hint">{t('integrity.intro')}</p>
      {s.location && (
        <div className="integrity-alert" role="alert" data-warning="location">
          {t(s.location.kind === 'cloud' ? 'integrity.cloud' : 'integrity.network', { provider: s.location.provider })}
        </div>
      )}

      <h3>{t('integrity.chain')}</h3>
      <div className="integrity-head">
        {s.head ? (
          <>
            <span>{t('integrity.head', { id: s.head.sealId, at: when(s.head.sealedAt, lang) })}</span>
            <code className="integrity-hash" title={s.head.hash} data-hash={s.head.hash}>
              {s.head.hash}
            </code>
            <span className="hint">{t('integrity.headHint', { id: s.head.sealId })}</span>
          </>
        ) : (
          <span className="muted">{t('integrity.noSeal')}</span>
        )}
      </div>
      <div className="form-actions">
        <button type="button" className="primary" disabled={verify.busy} onClick={() => void runVerify()} data-action="verify">
          {verify.busy ? t('integrity.verifying') : t('integrity.verify')}
        </button>
      </div>
      {verify.error && <ErrorBox error={verify.error} />}
      {report && <VerifyResult report={report} />}

      {s.lock && (
        <>
          <h3>{t('integrity.lock')}</h3>
          <p className="muted" data-lock>
            {t('integrity.lockInfo', { user: s.lock.user, host: s.lock.host, pid: s.lock.pid, since: when(s.lock.since, lang) })}
          </p>
        </>
      )}

      <h3>{t('integrity.backups')}</h3>
      <p className="muted">
        {t('integrity.folder')}: <code>{s.backupFolder}</code>
      </p>
      <BackupSettingsForm initial={s.settings} onSaved={status.reload} />
      <BackupList
        backups={s.backups}
        onChanged={status.reload}
        onRestored={() => {
          setReport(null); // it was about the ledger that was replaced
          status.reload();
        }}
      />
    </section>
  );
}

function VerifyResult({ report }: { report: VerifyReport }) {
  const { t, lang } = useI18n();
  return (
    <div className={`integrity-result ${report.ok ? 'ok' : 'failed'}`} role="status" data-verify={report.ok ? 'ok' : 'failed'}>
      <strong>{t(report.ok ? 'integrity.ok' : 'integrity.failed')}</strong>
      <div className="muted">
        {t('integrity.summary', { seals: report.seals, rows: report.rows, files: report.files, anchors: report.anchors, ms: report.durationMs })}
      </div>
      {report.firstBroken && (
        <div className="integrity-first" data-first-broken>
          {t('integrity.firstBroken')}: {problemText(t, report.firstBroken, lang)}
        </div>
      )}
      {report.problems.length > 0 && (
        <ul className="integrity-problems">
          {report.problems.map((p, i) => (
            <li key={i} className={p.severity}>
              {p.severity === 'warning' ? `${t('integrity.warning')}: ` : ''}
              {problemText(t, p, lang)}
            </li>
          ))}
        </ul>
      )}
      {report.truncated && <div className="muted">{t('integrity.more')}</div>}
    </div>
  );
}

function BackupSettingsForm({ initial, onSaved }: { initial: BackupSettings; onSaved(): void }) {
  const { t } = useI18n();
  const save = useSubmit('backup-settings-set');
  const [draft, setDraft] = useState({ enabled: initial.enabled, daily: String(initial.daily), weekly: String(initial.weekly), monthly: String(initial.monthly) });
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<typeof draft>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const num = (v: string) => (/^\d+$/.test(v.trim()) ? Number(v) : Number.NaN);
  const submit = async () => {
    const ok = await save.submit({ enabled: draft.enabled, daily: num(draft.daily), weekly: num(draft.weekly), monthly: num(draft.monthly) });
    if (ok) {
      setSaved(true);
      onSaved();
    }
  };
  return (
    <form
      className="integrity-settings"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="checkbox">
        <input type="checkbox" name="enabled" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        {t('integrity.enabled')}
      </label>
      <div className="integrity-keep">
        {(['daily', 'weekly', 'monthly'] as const).map((k) => (
          <label key={k}>
            {t(k === 'daily' ? 'integrity.keepDaily' : k === 'weekly' ? 'integrity.keepWeekly' : 'integrity.keepMonthly')}
            <input name={k} inputMode="numeric" size={4} value={draft[k]} onChange={(e) => set({ [k]: e.target.value })} />
          </label>
        ))}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={save.busy} data-action="save-backup-settings">
          {t('integrity.saveSettings')}
        </button>
        {saved && (
          <span className="notice" role="status">
            {t('integrity.settingsSaved')}
          </span>
        )}
      </div>
      {save.error && <ErrorBox error={save.error} />}
    </form>
  );
}

function BackupList({ backups, onChanged, onRestored }: { backups: BackupInfo[]; onChanged(): void; onRestored(): void }) {
  const { t, lang } = useI18n();
  const now = useSubmit('backup-now');
  const restore = useSubmit('backup-restore');
  const [made, setMade] = useState<string | null>(null);
  const [choice, setChoice] = useState<BackupInfo | null>(null);
  const [restored, setRestored] = useState<{ restored: string; safetyBackup: string | null } | null>(null);
  const backUp = async () => {
    const info = await now.submit({});
    if (info) {
      setMade(info.name);
      onChanged();
    }
  };
  const doRestore = async () => {
    if (!choice) return;
    const r = await restore.submit({ name: choice.name });
    if (r) {
      setChoice(null);
      setRestored(r);
      onRestored();
    }
  };
  return (
    <div className="integrity-backups">
      <div className="form-actions">
        <button type="button" disabled={now.busy} onClick={() => void backUp()} data-action="backup-now">
          {t('integrity.backupNow')}
        </button>
        {made && (
          <span className="notice" role="status">
            {t('integrity.backedUp', { name: made })}
          </span>
        )}
      </div>
      {now.error && <ErrorBox error={now.error} />}
      {restored && (
        <div className="notice" role="status" data-restored>
          {t('integrity.restored', { name: restored.restored, safety: restored.safetyBackup ?? '—' })}{' '}
          <button type="button" className="small" onClick={() => window.location.reload()}>
            {t('integrity.reload')}
          </button>
        </div>
      )}
      {backups.length === 0 ? (
        <p className="muted">{t('integrity.noBackups')}</p>
      ) : (
        <table className="integrity-table" data-table="backups">
          <thead>
            <tr>
              <th>{t('integrity.col.name')}</th>
              <th>{t('integrity.col.kind')}</th>
              <th>{t('integrity.col.time')}</th>
              <th className="num">{t('integrity.col.size')}</th>
              <th className="num">{t('integrity.col.seal')}</th>
              <th>{t('integrity.col.state')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => (
              <tr key={b.name} data-backup={b.name}>
                <td className="integrity-name">{b.name}</td>
                <td>{t(`integrity.kind.${b.kind}` as MessageKey)}</td>
                <td>{when(b.createdAt, lang)}</td>
                <td className="num">{size(b.bytes)}</td>
                <td className="num">{b.sealId ?? '—'}</td>
                <td>
                  <span className={`badge ${b.verified ? 'status-active' : 'reversed'}`}>{t(b.verified ? 'integrity.verified' : 'integrity.unverified')}</span>
                </td>
                <td>
                  <button type="button" className="small" onClick={() => setChoice(b)} data-action="restore">
                    {t('integrity.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {choice && (
        <Modal title={t('integrity.restoreTitle')} onClose={() => setChoice(null)}>
          <p>{t('integrity.restoreConfirm', { name: choice.name, at: when(choice.createdAt, lang) })}</p>
          {restore.error && <ErrorBox error={restore.error} />}
          <div className="form-actions">
            <button type="button" className="danger" disabled={restore.busy} onClick={() => void doRestore()} data-action="confirm-restore">
              {t('integrity.restoreGo')}
            </button>
            <button type="button" onClick={() => setChoice(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  );
}
