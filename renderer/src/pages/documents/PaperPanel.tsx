import { useState } from 'react';
import type { PaperDetail } from '../../../../shared/api/papers';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Money } from '../../components/Money';
import { PrintButton } from '../../components/PrintButton';
import { useI18n } from '../../i18n';
import { money } from '../../lib/format';
import { useLoad } from '../../lib/useLoad';
import { StatusChip } from './columns';
import { kindKey, stamp } from './labels';
import { ResolveDialog } from './ResolveDialog';
import { SignBackDialog } from './SignBackDialog';
import { usePaperFiles } from './usePdf';
import { VoidDialog } from './VoidDialog';

/** One paper's history (issue, sign-back, dispute, void) and what can be done with it next. */
export function PaperPanel(props: { id: number; onChanged(): void }) {
  const { t } = useI18n();
  const detail = useLoad(() => call('paper-get', { id: props.id }), [props.id]);
  const files = usePaperFiles();
  const [dialog, setDialog] = useState<'signBack' | 'void' | 'resolve' | null>(null);
  const [verified, setVerified] = useState<boolean | null>(null);
  const d = detail.data;
  if (detail.error) return <ErrorBox error={detail.error} onRetry={detail.reload} />;
  if (!d) return <div className="muted">{t('app.loading')}</div>;
  const done = (_: PaperDetail) => {
    setDialog(null);
    detail.reload();
    props.onChanged();
  };
  const verify = async () => {
    const r = await call('paper-verify', { id: d.id });
    setVerified(r.storedIntact && r.rebuildIdentical);
  };
  const canSign = d.status === 'awaiting' || d.status === 'overdue';
  return (
    <aside className="doc-panel" aria-label={d.number} data-testid="paper-panel">
      <header>
        <h2>{d.number}</h2>
        <StatusChip status={d.status} t={t} />
      </header>
      <dl className="doc-facts">
        <dt>{t('doc.col.kind')}</dt>
        <dd>{t(kindKey(d.kind))}{d.period ? ` · ${d.period}` : ''}</dd>
        <dt>{t('doc.col.customer')}</dt>
        <dd>
          {d.customerCode} {d.customerName}
        </dd>
        <dt>{t('doc.col.amount')}</dt>
        <dd>
          {d.currency} <Money amount={d.amount} digits={d.digits} />
        </dd>
        <dt>{t('doc.col.issued')}</dt>
        <dd>{t('doc.detail.issuedBy', { at: stamp(d.issuedAt), by: d.issuedBy })}</dd>
        {d.returnBy && (
          <>
            <dt>{t('doc.col.returnBy')}</dt>
            <dd>{d.returnBy}</dd>
          </>
        )}
        <dt>{t('doc.detail.sha')}</dt>
        <dd className="sha" title={d.sha256}>
          {d.sha256.slice(0, 16)}…
        </dd>
      </dl>
      {d.signBack && (
        <div className="doc-event">
          <p>{t('doc.detail.signBack', { date: d.signBack.returnedOn, by: d.signBack.signedBy })}</p>
          {d.signBack.disputedAmount !== null && (
            <p>{t('doc.detail.customerAmount', { amount: money(d.signBack.customerAmount ?? 0, d.digits), diff: money(d.signBack.disputedAmount, d.digits) })}</p>
          )}
          {d.signBack.reason && <p>{t('doc.detail.reason', { reason: d.signBack.reason })}</p>}
          {d.signBack.resolution && (
            <p>
              {t('doc.detail.resolved', {
                date: d.signBack.resolution.resolvedOn,
                how: t(`doc.how.${d.signBack.resolution.how}`, { number: d.signBack.resolution.creditNoteNumber ?? '' }),
                note: d.signBack.resolution.note,
              })}
            </p>
          )}
        </div>
      )}
      {d.conversion && <p className="doc-event">{t('doc.detail.converted', { number: d.conversion.invoiceNumber })}</p>}
      {d.void && <p className="doc-event voided">{t('doc.detail.voided', { at: stamp(d.void.voidedAt), by: d.void.voidedBy, reason: d.void.reason })}</p>}
      {verified !== null && <p className={verified ? 'doc-ok' : 'form-error'}>{t(verified ? 'doc.detail.verifyOk' : 'doc.detail.verifyBad')}</p>}
      {files.error && <ErrorBox error={files.error} />}
      <div className="doc-actions">
        <button type="button" className="primary" onClick={() => files.openPdf(d.id)} data-action="open-pdf">
          {t('doc.action.pdf')}
        </button>
        <PrintButton target={{ kind: 'paper', id: d.id }} action="print-paper" />
        {canSign && (
          <button type="button" onClick={() => setDialog('signBack')} data-action="sign-back">
            {t('doc.action.signBack')}
          </button>
        )}
        {d.status === 'disputed' && (
          <button type="button" onClick={() => setDialog('resolve')} data-action="resolve">
            {t('doc.action.resolve')}
          </button>
        )}
        {d.signBack?.scan && (
          <button type="button" onClick={() => files.openScan(d.id)}>
            {t('doc.action.scan')}
          </button>
        )}
        <button type="button" onClick={verify} data-action="verify">
          {t('doc.action.verify')}
        </button>
        {d.status !== 'voided' && !d.conversion && (
          <button type="button" className="danger" onClick={() => setDialog('void')} data-action="void">
            {t('doc.action.void')}
          </button>
        )}
      </div>
      {dialog === 'signBack' && <SignBackDialog paper={d} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'void' && <VoidDialog paper={d} onClose={() => setDialog(null)} onDone={done} />}
      {dialog === 'resolve' && <ResolveDialog paper={d} onClose={() => setDialog(null)} onDone={done} />}
    </aside>
  );
}
