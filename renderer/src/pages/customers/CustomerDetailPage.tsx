import { useCallback, useState } from 'react';
import type { LedgerEntry, PostResult } from '../../../../shared/domain';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n, type MessageKey, type Params } from '../../i18n';
import { href } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { CustomerHeader } from './CustomerHeader';
import { CustomerCreditStrip } from '../credit/CustomerCreditStrip';
import { InvoiceForm } from './InvoiceForm';
import { LedgerGrid } from './LedgerGrid';
import { PaymentForm, type PaymentKind } from './PaymentForm';
import { ReverseDialog } from './ReverseDialog';

type Dialog = { kind: 'invoice' } | { kind: PaymentKind } | { kind: 'reverse'; entry: LedgerEntry } | null;

const ACTIONS: { dialog: 'invoice' | PaymentKind; label: MessageKey }[] = [
  { dialog: 'invoice', label: 'action.postInvoice' },
  { dialog: 'receipt', label: 'action.receipt' },
  { dialog: 'credit_note', label: 'action.creditNote' },
  { dialog: 'write_off', label: 'action.writeOff' },
];

/** One customer: the credit file, the ledger with running balance, and the posting forms. */
export function CustomerDetailPage({ id }: { id: number }) {
  const { t } = useI18n();
  const ledger = useLoad(() => call('customer-ledger', { id }), [id]);
  const [dialog, setDialog] = useState<Dialog>(null);
  // Kept as a key so it follows a language switch.
  const [notice, setNotice] = useState<{ key: MessageKey; params: Params } | null>(null);
  const close = useCallback(() => setDialog(null), []);
  const onReverse = useCallback((entry: LedgerEntry) => setDialog({ kind: 'reverse', entry }), []);
  const done = (key: MessageKey, number: string) => {
    setDialog(null);
    setNotice({ key, params: { number } });
    ledger.reload();
  };
  const posted = (r: PostResult) => done('payment.posted', r.number);

  if (ledger.error) {
    return (
      <div className="page">
        <a href={href('customers')} className="back-link">
          ← {t('common.back')}
        </a>
        <ErrorBox error={ledger.error} onRetry={ledger.reload} />
      </div>
    );
  }
  if (!ledger.data) return <div className="page muted">{t('app.loading')}</div>;
  const data = ledger.data;
  return (
    <div className="page fill">
      <a href={href('customers')} className="back-link">
        ← {t('customers.title')}
      </a>
      <CustomerHeader ledger={data} />
      <CustomerCreditStrip customerId={id} version={data} />
      <div className="toolbar">
        <h2>{t('ledger.title')}</h2>
        <div className="header-spacer" />
        {notice && (
          <span className="notice" role="status">
            {t(notice.key, notice.params)}
          </span>
        )}
        <a className="button" href={href(`documents/confirmations/new/${id}`)} data-action="new-price-confirmation">
          {t('doc.action.newPc')}
        </a>
        {ACTIONS.map((a) => (
          <button
            key={a.dialog}
            type="button"
            className={a.dialog === 'invoice' ? 'primary' : undefined}
            data-action={a.dialog}
            onClick={() => {
              setNotice(null);
              setDialog({ kind: a.dialog });
            }}
          >
            {t(a.label)}
          </button>
        ))}
      </div>
      <LedgerGrid ledger={data} onReverse={onReverse} />
      {dialog?.kind === 'invoice' && (
        <InvoiceForm ledger={data} onClose={close} onPosted={(r) => done('invoice.posted', r.number)} />
      )}
      {(dialog?.kind === 'receipt' || dialog?.kind === 'credit_note' || dialog?.kind === 'write_off') && (
        <PaymentForm key={dialog.kind} kind={dialog.kind} ledger={data} onClose={close} onPosted={posted} />
      )}
      {dialog?.kind === 'reverse' && (
        <ReverseDialog entry={dialog.entry} onClose={close} onReversed={() => done('reverse.done', dialog.entry.number)} />
      )}
    </div>
  );
}
