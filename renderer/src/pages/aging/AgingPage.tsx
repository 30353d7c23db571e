import { useCallback, useState } from 'react';
import { isIsoDate, todayIso } from '../../../../shared/dates';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { CustomerGrid, InvoiceGrid } from './AgingGrids';
import { ComparePanel } from './ComparePanel';
import { InvoiceDrawer } from './InvoiceDrawer';
import { SettingsDialog } from './SettingsDialog';
import { SummaryPanel } from './SummaryPanel';
import { previousMonthEnd } from '../../../../shared/aging-workspace/periods';
import './aging.css';

const SUMMARY_KEY = 'arw.aging.summary';

/**
 * 账龄分析: the workspace. As-of date, by customer or by invoice, drill-down customer → invoices →
 * allocations, collection classes with manual overrides, expected recovery and provision, the
 * bucket chart against the previous month end, DSO / overdue ratio / CEI, and two-date comparison.
 */
export function AgingPage() {
  const { t } = useI18n();
  const [asOf, setAsOf] = useState(todayIso());
  const [by, setBy] = useState<'customer' | 'invoice'>('customer');
  const [customer, setCustomer] = useState<{ id: number; code: string; name: string } | null>(null);
  const [comparing, setComparing] = useState(false);
  const [invoiceId, setInvoiceId] = useState<number | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [summaryOpen, setSummaryOpen] = useState(() => localStorage.getItem(SUMMARY_KEY) !== 'hidden');
  const validDate = isIsoDate(asOf) ? asOf : todayIso();
  const showBy = customer ? 'invoice' : by;
  const view = useLoad(() => call('aging-view', { asOf: validDate, by: showBy, customerId: customer?.id }), [validDate, showBy, customer?.id]);
  const data = view.data;
  const closeDrawer = useCallback(() => setInvoiceId(null), []);
  const toggleSummary = () => {
    localStorage.setItem(SUMMARY_KEY, summaryOpen ? 'hidden' : 'shown');
    setSummaryOpen(!summaryOpen);
  };

  return (
    <div className="page fill aging-page">
      <div className="page-header">
        <h1>{t('aging.title')}</h1>
        <label className="inline-field">
          <span>{t('aging.asOf')}</span>
          <input type="date" name="asOf" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        {!comparing && (
          <div className="segmented" role="radiogroup" aria-label={t('aging.by')}>
            {(['customer', 'invoice'] as const).map((b) => (
              <label key={b} className={showBy === b ? 'on' : undefined}>
                <input
                  type="radio"
                  name="by"
                  value={b}
                  checked={showBy === b}
                  onChange={() => {
                    setCustomer(null);
                    setBy(b);
                  }}
                />
                {t(b === 'customer' ? 'agingWs.byCustomer' : 'agingWs.byInvoice')}
              </label>
            ))}
          </div>
        )}
        <button type="button" data-action="compare" aria-pressed={comparing} className={comparing ? 'on' : undefined} onClick={() => setComparing(!comparing)}>
          {comparing ? t('agingWs.back') : t('agingWs.compare')}
        </button>
        {view.loading && <span className="muted loading-mark">{t('app.loading')}</span>}
        <div className="header-spacer" />
        {!comparing && (
          <button type="button" className="link-button" data-action="toggle-summary" aria-expanded={summaryOpen} onClick={toggleSummary}>
            {summaryOpen ? t('agingWs.hideSummary') : t('agingWs.showSummary')}
          </button>
        )}
        <button type="button" data-action="aging-settings" onClick={() => setSettingsOpen(true)}>
          {t('agingWs.settings')}
        </button>
      </div>
      {view.error && <ErrorBox error={view.error} onRetry={view.reload} />}
      {comparing ? (
        <ComparePanel initialA={previousMonthEnd(validDate)} initialB={validDate} />
      ) : (
        data && (
          <>
            {summaryOpen && <SummaryPanel view={data} onEditSettings={() => setSettingsOpen(true)} />}
            <nav className="aging-crumbs" aria-label={t('agingWs.allCustomers')}>
              {customer ? (
                <>
                  <button type="button" className="link-button" data-action="all-customers" onClick={() => setCustomer(null)}>
                    {t('agingWs.allCustomers')}
                  </button>
                  <span aria-hidden> › </span>
                  <span data-testid="drill-customer">
                    {customer.code} {customer.name}
                  </span>
                </>
              ) : (
                <span className="muted">{t('agingWs.drillHint')}</span>
              )}
            </nav>
            {data.by === 'invoice' ? (
              <InvoiceGrid key={`i${data.customerId}`} view={data} onOpen={setInvoiceId} />
            ) : (
              <CustomerGrid view={data} onOpen={(r) => setCustomer({ id: r.customerId, code: r.code, name: r.name })} />
            )}
          </>
        )
      )}
      {invoiceId !== null && data && <InvoiceDrawer invoiceId={invoiceId} asOf={validDate} bounds={data.settings.bucketBounds} onClose={closeDrawer} onChanged={view.reload} />}
      {settingsOpen && data && <SettingsDialog settings={data.settings} onClose={() => setSettingsOpen(false)} onSaved={view.reload} />}
    </div>
  );
}
