import type { Language } from '../../../shared/domain';
import { call } from '../api';
import { useI18n } from '../i18n';

/** Switches the interface language and remembers it in main (and in this browser). */
export function useSwitchLanguage() {
  const { setLang } = useI18n();
  return (next: Language) => {
    setLang(next);
    call('settings-set', { language: next }).catch(() => undefined);
  };
}

export function LanguageSwitch() {
  const { t, lang } = useI18n();
  const switchTo = useSwitchLanguage();
  return (
    <select
      className="language-switch"
      aria-label={t('app.language')}
      data-testid="language-switch"
      value={lang}
      onChange={(e) => switchTo(e.target.value as Language)}
    >
      <option value="zh">{t('lang.zh')}</option>
      <option value="en">{t('lang.en')}</option>
    </select>
  );
}
