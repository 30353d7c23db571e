import { useMemo, useState } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { ExchangeRate } from '../../../../shared/api/rates';
import { todayIso } from '../../../../shared/dates';
import { call } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { Field, Form } from '../../components/Form';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import { rateForApi } from '../customers/RateField';
import './rates.css';

const col = createColumnHelper<ExchangeRate>();

/**
 * Settings › Exchange rates: enter the rate of a currency for a date (append-only: a correction is
 * a later entry for the same date), and every rate entered so far.
 */
export function RatesCard() {
  const { t } = useI18n();
  const list = useLoad(() => call('rates-list', {}), []);
  const add = useSubmit('rate-add');
  const [currency, setCurrency] = useState('');
  const [date, setDate] = useState(todayIso());
  const [rate, setRate] = useState('');
  const [note, setNote] = useState('');
  const [added, setAdded] = useState<ExchangeRate | null>(null);
  const data = list.data;
  const base = data?.baseCurrency ?? '';
  const shown = currency || data?.currencies[0] || '';

  const columns = useMemo(
    () => [
      col.accessor('currency', { header: t('rates.currency'), size: 80, meta: { kind: 'set' } }),
      col.accessor('date', { header: t('rates.date'), size: 100, meta: { kind: 'date' } }),
      col.accessor('rate', {
        header: t('rates.rate'),
        size: 110,
        meta: { align: 'right', cellClass: (r: ExchangeRate) => (r.superseded ? 'rate-replaced' : '') },
      }),
      col.accessor((r) => (r.superseded ? t('rates.replaced') : r.note), { id: 'note', header: t('rates.note'), size: 200 }),
      col.accessor('createdBy', { header: t('rates.enteredBy'), size: 100 }),
      col.accessor((r) => r.createdAt.slice(0, 16).replace('T', ' '), { id: 'createdAt', header: t('rates.enteredAt'), size: 150 }),
    ],
    [t],
  );

  if (list.error) return <ErrorBox error={list.error} onRetry={list.reload} />;
  if (!data) return null;
  const onSubmit = async () => {
    setAdded(null);
    const result = await add.submit({ currency: shown.trim().toUpperCase(), date, rate: rateForApi(rate), note });
    if (result) {
      setAdded(result);
      setRate('');
      setNote('');
      list.reload();
    }
  };
  return (
    <section className="card settings-card settings-wide rates-card" data-section="rates" data-testid="settings-rates">
      <h2>{t('rates.title')}</h2>
      <p className="hint">{t('rates.intro', { base })}</p>
      <p className="muted" data-testid="rates-needed">
        {data.currencies.length ? t('rates.needed', { list: data.currencies.join(', ') }) : t('rates.noForeign', { base })}
      </p>
      <Form error={add.error} onSubmit={onSubmit} label={t('rates.title')}>
        <div className="form-grid rates-form">
          <Field label={t('rates.currency')} name="currency">
            <input name="currency" list="rate-currencies" value={shown} maxLength={3} onChange={(e) => setCurrency(e.target.value.toUpperCase())} />
          </Field>
          <datalist id="rate-currencies">
            {data.currencies.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <Field label={t('rates.date')} name="date">
            <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
          <Field label={t('rates.rate')} name="rate" hint={t('rates.rateHint', { currency: shown || '…', base })}>
            <input name="rate" className="num" inputMode="decimal" value={rate} onChange={(e) => setRate(e.target.value)} />
          </Field>
          <Field label={t('rates.note')} name="note" hint={t('common.optional')}>
            <input name="note" value={note} onChange={(e) => setNote(e.target.value)} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={add.busy} data-action="add-rate">
            {t('rates.add')}
          </button>
          {added && (
            <span className="notice" role="status">
              {t('rates.added', { currency: added.currency, date: added.date })}
            </span>
          )}
        </div>
      </Form>
      <div className="rates-list">
        <DataGrid
          gridId="exchange-rates"
          label={t('rates.title')}
          data={data.rates}
          columns={columns}
          getRowId={(r) => String(r.id)}
          rowClassName={(r) => (r.superseded ? 'rate-replaced-row' : '')}
          emptyText={t('rates.empty')}
          rowHeight={28}
          toolbar={false}
        />
      </div>
    </section>
  );
}
