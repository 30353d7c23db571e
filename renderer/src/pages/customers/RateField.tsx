import { useEffect, useRef } from 'react';
import { isIsoDate } from '../../../../shared/dates';
import { call } from '../../api';
import { Field } from '../../components/Form';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';

/** A rate as typed ("7,1234" with a decimal comma) to the API's text ("7.1234"); rates have no grouping. */
export function rateForApi(text: string): string {
  return text.trim().replace(/^(\d*),(\d+)$/, '$1.$2');
}

/**
 * The exchange rate of a document for a customer in another currency than the base: shown only
 * then, prefilled with the latest rate on or before the document date (until the user types one).
 * Empty is allowed: main then takes that same latest rate, or refuses naming currency and date.
 */
export function RateField(props: { currency: string; date: string; value: string; onChange(value: string): void }) {
  const { t } = useI18n();
  const { currency, date, onChange } = props;
  const valid = isIsoDate(date);
  const found = useLoad(() => (valid ? call('rate-on', { currency, date }) : Promise.resolve(null)), [currency, date, valid]);
  const typed = useRef(false);
  const latest = found.data?.found?.rate ?? '';
  useEffect(() => {
    if (!typed.current && found.data && found.data.baseCurrency !== currency) onChange(latest);
  }, [found.data, latest, currency, onChange]);
  const info = found.data;
  if (!info || info.baseCurrency === currency) return null;
  const hint = info.found ? t('rates.fieldFound', { date, rate: info.found.rate, from: info.found.date }) : t('rates.fieldNone', { currency, date });
  return (
    <Field label={t('rates.field', { currency, base: info.baseCurrency })} name="rate" hint={hint}>
      <input
        name="rate"
        className="num"
        inputMode="decimal"
        value={props.value}
        onChange={(e) => {
          typed.current = true;
          onChange(e.target.value);
        }}
      />
    </Field>
  );
}
