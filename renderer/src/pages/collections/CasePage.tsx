import { useCallback, useState } from 'react';
import type { ClaimLine, TimelineEntry } from '../../../../shared/api/collections-types';
import { isIsoDate, todayIso } from '../../../../shared/dates';
import { call, errorBody } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { PrintButton } from '../../components/PrintButton';
import { useI18n } from '../../i18n';
import { href } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import type { ApiErrorBody } from '../../../../shared/errors';
import { CaseHeader } from './CaseHeader';
import { EvidenceTable, PromiseTable } from './CaseLists';
import { ClaimGrid } from './ClaimGrid';
import { AddInvoicesDialog } from './dialogs/AddInvoicesDialog';
import { CaseEditDialog } from './dialogs/CaseEditDialog';
import { ContactDialog } from './dialogs/ContactDialog';
import { CorrectDialog } from './dialogs/CorrectDialog';
import { DisputeDialog } from './dialogs/DisputeDialog';
import { EvidenceDialog } from './dialogs/EvidenceDialog';
import { LetterDialog } from './dialogs/LetterDialog';
import { PromiseDialog } from './dialogs/PromiseDialog';
import { RemoveInvoiceDialog } from './dialogs/RemoveInvoiceDialog';
import { StageDialog } from './dialogs/StageDialog';
import { saveBase64 as downloadBase64 } from '../../lib/files';
import { stepKey } from './labels';
import { TimelineList } from './TimelineList';

type Dialog =
  | { kind: 'contact' | 'promise' | 'evidence' | 'stage' | 'letter' | 'edit' | 'invoices' }
  | { kind: 'dispute'; line: ClaimLine }
  | { kind: 'remove'; line: ClaimLine }
  | { kind: 'correct'; entry: TimelineEntry }
  | null;

/** One collection case: the claim, the ladder, tactics, promises, evidence and the timeline, with every action. */
export function CasePage({ id }: { id: number }) {
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useState(todayIso());
  const valid = isIsoDate(asOf) ? asOf : todayIso();
  const detail = useLoad(() => call('case-get', { id, asOf: valid }), [id, valid]);
  const settings = useLoad(() => call('collections-settings-get', {}), []);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const [exporting, setExporting] = useState(false);
  const close = useCallback(() => setDialog(null), []);
  const done = useCallback(() => {
    setDialog(null);
    setNotice(null);
    detail.reload();
  }, [detail]);
  const onDispute = useCallback((line: ClaimLine) => setDialog({ kind: 'dispute', line }), []);
  const onRemove = useCallback((line: ClaimLine) => {
    setNotice(null);
    setDialog({ kind: 'remove', line });
  }, []);
  const onAdd = useCallback(() => {
    setNotice(null);
    setDialog({ kind: 'invoices' });
  }, []);

  const exportCase = async () => {
    setExporting(true);
    setError(null);
    try {
      const r = await call('case-export', { id, asOf: valid, language: lang });
      downloadBase64(r.base64, r.fileName, 'application/zip');
      setNotice(t('coll.export.done', { file: r.fileName, files: r.files, sha: r.sha256.slice(0, 16) + '…' }));
      detail.reload();
    } catch (e) {
      setError(errorBody(e));
    } finally {
      setExporting(false);
    }
  };

  if (detail.error) return <div className="page"><ErrorBox error={detail.error} onRetry={detail.reload} /></div>;
  if (!detail.data) return <div className="page muted">{t('app.loading')}</div>;
  const d = detail.data;
  const invoices = d.claimDetail.lines.map((l) => ({ invoiceId: l.invoiceId, number: l.number }));
  const finance = d.customer.contacts.finance.name || d.customer.contacts.original.name;
  const open = (kind: 'contact' | 'promise' | 'evidence' | 'stage' | 'letter' | 'edit' | 'invoices') => () => {
    setNotice(null);
    setDialog({ kind });
  };
  return (
    <div className="page coll-case">
      <div className="coll-nav">
        <a href={href('collections/cases')} className="back-link">
          ← {t('coll.case.back')}
        </a>
        <a href={href(`customers/${d.customerId}`)} className="back-link">
          {t('coll.case.customerPage')} →
        </a>
        <div className="header-spacer" />
        <label className="inline-field">
          <span>{t('coll.case.asOf')}</span>
          <input type="date" name="asOf" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
      </div>
      <CaseHeader detail={d} />
      <div className="toolbar coll-toolbar">
        <button type="button" data-action="log-contact" onClick={open('contact')}>{t('coll.action.contact')}</button>
        <button type="button" data-action="record-promise" onClick={open('promise')}>{t('coll.action.promise')}</button>
        <button type="button" data-action="attach-evidence" onClick={open('evidence')}>{t('coll.action.evidence')}</button>
        <button type="button" data-action="move-stage" onClick={open('stage')}>{t('coll.action.stage')}</button>
        <button type="button" className="primary" data-action="next-letter" onClick={open('letter')}>
          {t('coll.action.letter')}: {t(stepKey(d.nextLetter))}
        </button>
        <button type="button" data-action="edit-case" onClick={open('edit')}>{t('coll.action.edit')}</button>
        <div className="header-spacer" />
        <button type="button" data-action="export-case" disabled={exporting} onClick={exportCase}>
          {exporting ? t('coll.export.working') : t('coll.action.export')}
        </button>
        <PrintButton target={{ kind: 'case-dossier', caseId: id, asOf: valid, language: lang }} action="print-dossier" label={t('print.dossier')} />
      </div>
      {notice && <p className="notice" role="status" data-notice>{notice}</p>}
      {error && <ErrorBox error={error} />}
      <div className="coll-columns">
        <div className="coll-main">
          <h2>{t('coll.case.invoices')}</h2>
          <ClaimGrid detail={d} onDispute={onDispute} onAdd={onAdd} onRemove={onRemove} />
          <h2>{t('coll.case.promises')}</h2>
          <PromiseTable detail={d} />
          <h2>{t('coll.case.evidence')}</h2>
          <EvidenceTable detail={d} />
        </div>
        <div className="coll-side">
          <h2>{t('coll.case.timeline')}</h2>
          <TimelineList detail={d} onCorrect={(entry) => setDialog({ kind: 'correct', entry })} />
        </div>
      </div>
      {dialog?.kind === 'contact' && <ContactDialog caseId={id} person={finance} onClose={close} onDone={done} />}
      {dialog?.kind === 'promise' && <PromiseDialog caseId={id} digits={d.digits} invoices={invoices} promises={d.promises} person={finance} onClose={close} onDone={done} />}
      {dialog?.kind === 'evidence' && <EvidenceDialog caseId={id} invoices={invoices} onClose={close} onDone={done} />}
      {dialog?.kind === 'stage' && <StageDialog caseId={id} current={d.stage} onClose={close} onDone={done} />}
      {dialog?.kind === 'letter' && <LetterDialog caseId={id} step={d.nextLetter} language={d.customer.language} onClose={close} onDone={detail.reload} />}
      {dialog?.kind === 'edit' && <CaseEditDialog detail={d} defaultRatePpm={settings.data?.defaultRatePpm ?? 30_000} onClose={close} onDone={done} />}
      {dialog?.kind === 'invoices' && <AddInvoicesDialog detail={d} asOf={valid} onClose={close} onDone={done} />}
      {dialog?.kind === 'remove' && <RemoveInvoiceDialog caseId={id} line={dialog.line} digits={d.digits} onClose={close} onDone={done} />}
      {dialog?.kind === 'dispute' && <DisputeDialog invoiceId={dialog.line.invoiceId} number={dialog.line.number} open={!dialog.line.disputed} onClose={close} onDone={done} />}
      {dialog?.kind === 'correct' && <CorrectDialog caseId={id} eventId={Number(dialog.entry.key.split(':')[1])} original={[dialog.entry.date, dialog.entry.summary, dialog.entry.outcome].filter(Boolean).join(' · ')} onClose={close} onDone={done} />}
    </div>
  );
}
