import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { TargetRow } from '../../../../shared/api/collections-types';
import { todayIso } from '../../../../shared/dates';
import { call } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { Field, Form } from '../../components/Form';
import { Money } from '../../components/Money';
import { useI18n, type Translate } from '../../i18n';
import { amountInput } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';

const col = createColumnHelper<TargetRow>();
const PERIOD = /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/;

function currentQuarter(): string {
  const d = todayIso();
  return `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
}

/** 回款目标: per customer and period the target, what was promised, what came in and the gap; totals per salesperson. */
export function TargetsView() {
  const { t, lang } = useI18n();
  const [period, setPeriod] = useState(currentQuarter());
  const valid = PERIOD.test(period) ? period : currentQuarter();
  const report = useLoad(() => call('targets-get', { period: valid }), [valid]);
  const customers = useLoad(() => call('customer-list', {}), []);
  const [form, setForm] = useState({ customerId: '', target: '' });
  const set = useSubmit('target-set');
  const columns = useMemo(() => targetColumns(t), [t]);
  const digits = report.data?.rows[0]?.digits ?? 2;
  const onSubmit = async () => {
    if (!form.customerId) return;
    const r = await set.submit({ customerId: Number(form.customerId), period: valid, target: amountInput(form.target) });
    if (r) {
      setForm({ customerId: '', target: '' });
      report.reload();
    }
  };
  return (
    <>
      <div className="page-header">
        <h1>{t('coll.targets.title')}</h1>
        <label className="inline-field">
          <span>{t('coll.targets.period')}</span>
          <input name="period" value={period} onChange={(e) => setPeriod(e.target.value.toUpperCase())} title={t('coll.targets.periodHint')} size={9} />
        </label>
        {report.data && (
          <span className="muted">
            {report.data.from} – {report.data.to}
          </span>
        )}
      </div>
      <Form error={set.error} onSubmit={onSubmit} label={t('coll.targets.set')} className="coll-target-form">
        <Field label={t('coll.f.customer')} name="customerId">
          <select name="customerId" value={form.customerId} onChange={(e) => setForm({ ...form, customerId: e.target.value })}>
            <option value="">—</option>
            {(customers.data ?? []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.code} {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('coll.f.target')} name="target">
          <input name="target" inputMode="decimal" value={form.target} onChange={(e) => setForm({ ...form, target: e.target.value })} />
        </Field>
        <button type="submit" className="primary" disabled={set.busy} data-action="set-target">
          {t('coll.targets.set')}
        </button>
      </Form>
      {report.error && <ErrorBox error={report.error} onRetry={report.reload} />}
      {report.data && (
        <div className="coll-targets">
          <DataGrid<TargetRow>
            key={lang}
            label={t('coll.targets.title')}
            data={report.data.rows}
            columns={columns}
            getRowId={(r) => String(r.customerId)}
            emptyText={t('coll.targets.empty')}
          />
          <h2>{t('coll.targets.bySalesperson')}</h2>
          <table className="coll-table" data-table="salespeople">
            <thead>
              <tr>
                <th>{t('coll.targets.salesperson')}</th>
                <th className="num">{t('coll.targets.target')}</th>
                <th className="num">{t('coll.targets.promised')}</th>
                <th className="num">{t('coll.targets.received')}</th>
                <th className="num">{t('coll.targets.gap')}</th>
              </tr>
            </thead>
            <tbody>
              {report.data.bySalesperson.map((s) => (
                <tr key={s.salesperson}>
                  <td>{s.salesperson || '—'}</td>
                  <td className="num"><Money amount={s.target} digits={digits} /></td>
                  <td className="num"><Money amount={s.promised} digits={digits} /></td>
                  <td className="num"><Money amount={s.received} digits={digits} /></td>
                  <td className="num"><Money amount={s.gap} digits={digits} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function targetColumns(t: Translate): ColumnDef<TargetRow, any>[] {
  const money = (key: 'target' | 'promised' | 'received' | 'gap', header: string) =>
    col.accessor(key, { header, size: 130, meta: { align: 'right' }, cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} blankZero /> });
  return [
    col.accessor((r) => `${r.customerCode} ${r.customerName}`, { id: 'customer', header: t('coll.col.customer'), size: 220 }),
    col.accessor('salesperson', { header: t('coll.targets.salesperson'), size: 100 }),
    money('target', t('coll.targets.target')),
    money('promised', t('coll.targets.promised')),
    money('received', t('coll.targets.received')),
    money('gap', t('coll.targets.gap')),
  ];
}
