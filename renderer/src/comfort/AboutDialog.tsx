import { call } from '../api';
import { Modal } from '../components/Modal';
import { useI18n } from '../i18n';
import { useLoad } from '../lib/useLoad';

/** About: version, how the app runs, where the data is, and the licenses of what it bundles. */
export function AboutDialog({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const info = useLoad(() => call('app-info', {}), []);
  return (
    <Modal title={t('about.title')} onClose={onClose}>
      <div className="about" data-testid="about">
        <p className="about-name">
          <strong>{t('app.title')}</strong> <span className="muted">AR Workstation</span>
        </p>
        <p>{t('about.tagline')}</p>
        <dl className="about-facts">
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{info.data?.version ?? '…'}</dd>
          <dt>{t('about.mode')}</dt>
          <dd>{info.data ? t(`about.mode.${info.data.mode}`) : '…'}</dd>
          <dt>{t('about.ledger')}</dt>
          <dd>{info.data?.ledgerName ?? '—'}</dd>
        </dl>
        <p>{t('about.data')}</p>
        <p className="muted">{t('about.built')}</p>
        <p className="muted">{t('about.fonts')}</p>
      </div>
    </Modal>
  );
}
