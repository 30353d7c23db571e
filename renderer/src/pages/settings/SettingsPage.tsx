import type { Language } from '../../../../shared/domain';
import { useSwitchLanguage } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n';
import { CompanyForm } from './CompanyForm';
import { CompanyImages } from './CompanyImages';
import { ImportCard } from '../import/ImportButton';
import { IntegrityPanel } from './IntegrityPanel';

export function SettingsPage() {
  const { t, lang } = useI18n();
  const switchTo = useSwitchLanguage();
  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <section className="card settings-card">
        <h2>{t('settings.language')}</h2>
        <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
          {(['zh', 'en'] as Language[]).map((l) => (
            <label key={l} className={lang === l ? 'on' : undefined}>
              <input type="radio" name="ui-language" value={l} checked={lang === l} onChange={() => switchTo(l)} />
              {t(`lang.${l}`)}
            </label>
          ))}
        </div>
      </section>
      <CompanyForm />
      <CompanyImages />
      <ImportCard />
      <IntegrityPanel />
    </div>
  );
}
