import { useEffect, useState } from 'react';
import type { Language } from '../../../../shared/domain';
import { NUMBER_FORMATS, formatAmountIn, type NumberFormat } from '../../../../shared/number-format';
import { currencyDigits } from '../../../../shared/money';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { useSwitchLanguage } from '../../components/LanguageSwitch';
import { useI18n } from '../../i18n';
import { setNumberFormat, useNumberStyle } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';

const CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR', 'GBP', 'TWD', 'SGD', 'JPY', 'AUD', 'CAD', 'CHF', 'MOP', 'KRW'];

/** Settings › Language and numbers: the interface language, how amounts are shown and typed, the base currency. */
export function GeneralCard() {
  const { t, lang } = useI18n();
  const switchTo = useSwitchLanguage();
  const display = useLoad(() => call('display-settings-get', {}), []);
  const saveFormat = useSubmit('number-format-set');
  const saveBase = useSubmit('base-currency-set');
  const style = useNumberStyle();
  const [notice, setNotice] = useState<string | null>(null);
  const [base, setBase] = useState('');
  useEffect(() => {
    if (display.data) setBase(display.data.baseCurrency);
  }, [display.data]);

  const d = display.data;
  const chooseFormat = async (f: NumberFormat) => {
    setNotice(null);
    const r = await saveFormat.submit({ numberFormat: f });
    if (r) {
      setNumberFormat(r.numberFormat);
      setNotice(t('settings.numbers.saved'));
      display.reload();
    }
  };
  const changeBase = async () => {
    setNotice(null);
    const r = await saveBase.submit({ currency: base });
    if (r) {
      setNotice(t('settings.numbers.baseSaved'));
      display.reload();
    }
  };
  const jpy = currencyDigits('JPY');
  return (
    <section className="card settings-card" data-testid="settings-general">
      <h2>{t('settings.section.general')}</h2>
      <div className="settings-rows">
        <div className="settings-row">
          <span className="settings-label">{t('settings.language')}</span>
          <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
            {(['zh', 'en'] as Language[]).map((l) => (
              <label key={l} className={lang === l ? 'on' : undefined}>
                <input type="radio" name="ui-language" value={l} checked={lang === l} onChange={() => switchTo(l)} />
                {t(`lang.${l}`)}
              </label>
            ))}
          </div>
        </div>

        <div className="settings-row">
          <span className="settings-label">{t('settings.numbers.format')}</span>
          {d && (
            <div className="segmented" role="radiogroup" aria-label={t('settings.numbers.format')} data-testid="number-format">
              {NUMBER_FORMATS.map((f) => (
                <label key={f} className={d.numberFormat === f ? 'on' : undefined} data-format={f}>
                  <input type="radio" name="number-format" value={f} checked={d.numberFormat === f} disabled={saveFormat.busy} onChange={() => void chooseFormat(f)} />
                  {t(`settings.numbers.format.${f}`)}
                </label>
              ))}
            </div>
          )}
          <div className="settings-sample" data-testid="number-sample">
            {t('settings.numbers.sample')}: <span className="money">{formatAmountIn(style, 123456789, 2)}</span> · <span className="money negative">{formatAmountIn(style, -123450, 2)}</span> ·{' '}
            <span className="money">JPY {formatAmountIn(style, 1234567, jpy)}</span>
          </div>
          <p className="hint">{t('settings.numbers.formatHint')}</p>
        </div>

        <div className="settings-row" data-testid="base-currency">
          <span className="settings-label">{t('settings.numbers.base')}</span>
          {d &&
            (d.baseCurrencyLocked ? (
              <>
                <span className="currency-code" data-base-currency={d.baseCurrency} data-locked="true">
                  {d.baseCurrency}
                </span>
                <p className="hint">{t('settings.numbers.baseLocked', { count: d.documents, currency: d.baseCurrency })}</p>
              </>
            ) : (
              <>
                <div className="inline-field">
                  <select name="baseCurrency" value={base} onChange={(e) => setBase(e.target.value)} data-base-currency={d.baseCurrency} data-locked="false">
                    {[...new Set([d.baseCurrency, ...CURRENCIES])].map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                  <button type="button" className="small" disabled={saveBase.busy || base === d.baseCurrency} onClick={() => void changeBase()} data-action="save-base-currency">
                    {t('settings.numbers.baseSave')}
                  </button>
                </div>
                <p className="hint">{t('settings.numbers.baseOpen')}</p>
              </>
            ))}
        </div>
      </div>
      {notice && (
        <span className="notice settings-notice" role="status">
          {notice}
        </span>
      )}
      {display.error && <ErrorBox error={display.error} onRetry={display.reload} />}
      {saveFormat.error && <ErrorBox error={saveFormat.error} />}
      {saveBase.error && <ErrorBox error={saveBase.error} />}
    </section>
  );
}
