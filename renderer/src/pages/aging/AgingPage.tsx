import { useMemo, useState } from 'react';
import { todayIso, isIsoDate } from '../../../../shared/dates';
import type { AgingRow } from '../../../../shared/domain';
import { call } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { currencyDigits } from '../../lib/format';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { agingColumns } from './agingColumns';

/** 账龄分析: open receivables by days past due at any as-of date, per customer or per invoice. */
export function AgingPage() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(todayIso());
  const [by, setBy] = useState<'customer' | 'invoice'>('customer');
  const [search, setSearch] = useState('');
  const validDate = isIsoDate(asOf) ? asOf : todayIso();
  const report = useLoad(() => call('aging-get', { asOf: validDate, by }), [validDate, by]);
  const company = useLoad(() => call('company-get', {}), []);
  const digits = currencyDigits(company.data?.baseCurrency ?? 'CNY');
  const columns = useMemo(() => (report.data ? agingColumns(t, report.data, digits) : []), [t, report.data, digits]);

  return (
    <div className="page fill">
      <div className="page-header">
        <h1>{t('aging.title')}</h1>
        <label className="inline-field">
          <span>{t('aging.asOf')}</span>
          <input type="date" name="asOf" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <div className="segmented" role="radiogroup" aria-label={t('aging.by')}>
          {(['customer', 'invoice'] as const).map((b) => (
            <label key={b} className={by === b ? 'on' : undefined}>
              <input type="radio" name="by" value={b} checked={by === b} onChange={() => setBy(b)} />
              {t(b === 'customer' ? 'aging.byCustomer' : 'aging.byInvoice')}
            </label>
          ))}
        </div>
        <div className="header-spacer" />
        <input
          type="search"
          className="search"
          aria-label={t('common.search')}
          placeholder={t('customers.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </div>
      {report.error && <ErrorBox error={report.error} onRetry={report.reload} />}
      {report.data && (
        <DataGrid<AgingRow>
          key={report.data.by}
          label={t('aging.title')}
          data={report.data.rows}
          columns={columns}
          getRowId={(r) => (r.invoiceId !== undefined ? `i${r.invoiceId}` : `c${r.customerId}`)}
          globalFilter={search}
          onRowActivate={(r) => navigate(`customers/${r.customerId}`)}
          showTotals
          emptyText={t('aging.empty')}
        />
      )}
    </div>
  );
}
