import { useEffect } from 'react';
import { call } from './api';
import { ErrorBox } from './components/ErrorBox';
import { useI18n } from './i18n';
import { useLoad } from './lib/useLoad';
import { FirstRun } from './pages/FirstRun';
import { Shell } from './Shell';

/** Asks main what is open: the first-run screen without a ledger, the app frame with one. */
export function App() {
  const { t, lang, setLang } = useI18n();
  const info = useLoad(() => call('app-info', {}), []);

  // The language saved in main wins over this browser's memory (browser mode changes origin per run).
  useEffect(() => {
    call('settings-get', {}).then(
      (s) => {
        if (s.language !== lang) setLang(s.language);
      },
      () => undefined,
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    document.title = info.data?.ledgerName ? `${info.data.ledgerName} · ${t('app.title')}` : t('app.title');
  }, [info.data, t]);

  if (info.error) {
    return (
      <div className="center-page">
        <ErrorBox error={info.error} onRetry={info.reload} />
      </div>
    );
  }
  if (!info.data) return <div className="center-page muted">{t('app.loading')}</div>;
  if (!info.data.ledgerOpen) return <FirstRun onOpened={info.reload} />;
  return <Shell ledgerName={info.data.ledgerName ?? ''} mode={info.data.mode} />;
}
