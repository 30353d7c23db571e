import { useState } from 'react';
import type { BackupFolderStatus } from '../../../../shared/api/settings';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Field, Form } from '../../components/Form';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';

/**
 * Settings › Backup folder: where this ledger's backups go. The desktop app opens the system's
 * folder picker (in main); browser mode types a path, which main checks. `onChanged` lets the
 * Data safety panel list the backups of the new folder.
 */
export function BackupFolderCard(props: { onChanged(): void }) {
  const { t } = useI18n();
  const status = useLoad(() => call('backup-folder-get', {}), []);
  const [shown, setShown] = useState<BackupFolderStatus | null>(null);
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const set = useSubmit('backup-folder-set');
  const choose = useSubmit('backup-folder-choose');
  const s = shown ?? status.data;

  const done = (r: BackupFolderStatus) => {
    setShown(r);
    setNotice(t('settings.backupFolder.saved', { folder: r.folder }));
    props.onChanged();
  };
  const applyTyped = async () => {
    setNotice(null);
    const r = await set.submit({ folder: typed });
    if (r) {
      setTyped('');
      done(r);
    }
  };
  const reset = async () => {
    setNotice(null);
    const r = await set.submit({ folder: null });
    if (r) done(r);
  };
  const pick = async () => {
    setNotice(null);
    const r = await choose.submit({});
    if (r && !r.cancelled) done(r);
  };
  return (
    <section className="card settings-card settings-wide" data-testid="settings-backup-folder">
      <h2>{t('settings.backupFolder.title')}</h2>
      <p className="hint">{t('settings.backupFolder.hint')}</p>
      {status.error && <ErrorBox error={status.error} onRetry={status.reload} />}
      {s && (
        <>
          <div className="backup-folder-now">
            <span className="settings-label">{t('settings.backupFolder.current')}</span>
            <code className="backup-folder-path" data-testid="backup-folder" data-custom={s.custom ? 'true' : 'false'} title={s.folder}>
              {s.folder}
            </code>
            <span className="muted">
              {s.custom ? t('settings.backupFolder.custom') : t('settings.backupFolder.default')}
            </span>
          </div>
          {s.location && (
            <div className={`backup-folder-note ${s.location.kind}`} role="note" data-warning="backup-location">
              {t(s.location.kind === 'cloud' ? 'settings.backupFolder.cloud' : 'settings.backupFolder.network', { provider: s.location.provider })}
            </div>
          )}
          {s.canChoose && (
            <div className="form-actions">
              <button type="button" className="primary" disabled={choose.busy} onClick={() => void pick()} data-action="choose-backup-folder">
                {t('settings.backupFolder.choose')}
              </button>
            </div>
          )}
          {choose.error && <ErrorBox error={choose.error} />}
          <Form error={set.error} onSubmit={() => void applyTyped()} label={t('settings.backupFolder.type')} className="form backup-folder-form">
            <Field label={t('settings.backupFolder.type')} name="folder" hint={t('settings.backupFolder.typeHint')} wide>
              <input name="folder" value={typed} placeholder={s.folder} onChange={(e) => setTyped(e.target.value)} spellCheck={false} />
            </Field>
            <div className="form-actions">
              <button type="submit" className={s.canChoose ? undefined : 'primary'} disabled={set.busy || typed.trim() === ''} data-action="use-backup-folder">
                {t('settings.backupFolder.use')}
              </button>
              {s.custom && (
                <button type="button" disabled={set.busy} onClick={() => void reset()} data-action="reset-backup-folder">
                  {t('settings.backupFolder.reset')}
                </button>
              )}
            </div>
          </Form>
          {notice && (
            <span className="notice" role="status">
              {notice}
            </span>
          )}
          <p className="note">{t('settings.backupFolder.remember')}</p>
        </>
      )}
    </section>
  );
}
