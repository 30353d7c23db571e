import { useState } from 'react';
import type { IssueResult } from '../../../../shared/api/papers';
import { addDays, todayIso } from '../../../../shared/dates';
import { call } from '../../api';
import { Field, Form } from '../../components/Form';
import { Modal } from '../../components/Modal';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';
import { CustomerPicker } from './CustomerPicker';
import { lastMonth, PaperOptions, paperRequest, type PaperChoice } from './PaperOptions';

type Props = { customerId?: number | null; onClose(): void; onIssued(r: IssueResult): void };

function Actions(props: { busy: boolean; onClose(): void; label: string }) {
  const { t } = useI18n();
  return (
    <div className="form-actions">
      <button type="submit" className="primary" disabled={props.busy} data-action="issue">
        {props.busy ? t('doc.working') : props.label}
      </button>
      <button type="button" onClick={props.onClose}>
        {t('common.cancel')}
      </button>
    </div>
  );
}

export function IssueStatementDialog(props: Props) {
  const { t } = useI18n();
  const [customerId, setCustomerId] = useState<number | null>(props.customerId ?? null);
  const [month, setMonth] = useState(lastMonth());
  const [returnDays, setReturnDays] = useState('15');
  const [paper, setPaper] = useState<PaperChoice>({ paperSize: 'A4', language: '' });
  const issue = useSubmit('paper-issue-statement');
  const onSubmit = async () => {
    if (!customerId) return issue.setError({ key: 'error.required', params: { field: t('doc.field.customer') }, field: 'customerId' });
    const r = await issue.submit({ customerId, month, returnDays: Number(returnDays) || 15, ...paperRequest(paper) });
    if (r) props.onIssued(r);
  };
  return (
    <Modal title={t('doc.issueStatement.title')} onClose={props.onClose}>
      <Form error={issue.error} onSubmit={onSubmit} label={t('doc.issueStatement.title')}>
        <div className="form-grid">
          <Field label={t('doc.field.customer')} name="customerId" wide>
            <CustomerPicker name="customerId" label={t('doc.field.customer')} value={customerId} onChange={(id) => setCustomerId(id)} />
          </Field>
          <Field label={t('doc.field.month')} name="month">
            <input name="month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
          </Field>
          <Field label={t('doc.field.returnDays')} name="returnDays">
            <input name="returnDays" className="num" inputMode="numeric" value={returnDays} onChange={(e) => setReturnDays(e.target.value)} />
          </Field>
          <PaperOptions value={paper} onChange={setPaper} />
        </div>
        <Actions busy={issue.busy} onClose={props.onClose} label={t('doc.action.issueStatement')} />
      </Form>
    </Modal>
  );
}

export function IssueIouDialog(props: Props) {
  const { t } = useI18n();
  const [customerId, setCustomerId] = useState<number | null>(props.customerId ?? null);
  const [documentId, setDocumentId] = useState<number | null>(null);
  const [interest, setInterest] = useState('');
  const [paper, setPaper] = useState<PaperChoice>({ paperSize: 'A4', language: '' });
  const ledger = useLoad(() => (customerId ? call('customer-ledger', { id: customerId }) : Promise.resolve(null)), [customerId]);
  const open = (ledger.data?.entries ?? []).filter((e) => e.kind === 'invoice' && e.open > 0 && e.reversedById === null);
  const issue = useSubmit('paper-issue-iou');
  const onSubmit = async () => {
    if (!documentId) return issue.setError({ key: 'error.required', params: { field: t('doc.field.invoice') }, field: 'documentId' });
    const r = await issue.submit({ documentId, ...(interest.trim() ? { interestBpPerDay: Number(interest) } : {}), ...paperRequest(paper) });
    if (r) props.onIssued(r);
  };
  return (
    <Modal title={t('doc.issueIou.title')} onClose={props.onClose} wide>
      <Form error={issue.error} onSubmit={onSubmit} label={t('doc.issueIou.title')}>
        <div className="form-grid">
          <Field label={t('doc.field.customer')} name="customerId" wide>
            <CustomerPicker name="customerId" label={t('doc.field.customer')} value={customerId} onChange={(id) => (setCustomerId(id), setDocumentId(null))} />
          </Field>
          <Field label={t('doc.field.invoice')} name="documentId" wide>
            <select name="documentId" value={documentId ?? ''} onChange={(e) => setDocumentId(e.target.value ? Number(e.target.value) : null)}>
              <option value="">{customerId && ledger.data && !open.length ? t('doc.noInvoices') : '—'}</option>
              {open.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.number} · {e.date} · {e.dueDate ?? ''} · {(e.open / 10 ** (ledger.data?.digits ?? 2)).toFixed(ledger.data?.digits ?? 2)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('doc.field.interest')} name="interestBpPerDay" hint={t('common.optional')}>
            <input name="interestBpPerDay" className="num" inputMode="numeric" value={interest} onChange={(e) => setInterest(e.target.value)} />
          </Field>
          <PaperOptions value={paper} onChange={setPaper} />
        </div>
        {documentId && ledger.data && (
          <p className="muted">
            <Money amount={open.find((e) => e.id === documentId)?.open ?? 0} digits={ledger.data.digits} /> {ledger.data.customer.currency}
          </p>
        )}
        <Actions busy={issue.busy} onClose={props.onClose} label={t('doc.action.issueIou')} />
      </Form>
    </Modal>
  );
}

export function DemandDialog(props: Props) {
  const { t } = useI18n();
  const [customerId, setCustomerId] = useState<number | null>(props.customerId ?? null);
  const [asOf, setAsOf] = useState(todayIso());
  const [deadline, setDeadline] = useState(addDays(todayIso(), 14));
  const [interest, setInterest] = useState('5');
  const [paper, setPaper] = useState<PaperChoice>({ paperSize: 'A4', language: '' });
  const issue = useSubmit('paper-issue-demand');
  const onSubmit = async () => {
    if (!customerId) return issue.setError({ key: 'error.required', params: { field: t('doc.field.customer') }, field: 'customerId' });
    const r = await issue.submit({ customerId, asOf, deadline, interestBpPerDay: Number(interest) || 0, ...paperRequest(paper) });
    if (r) props.onIssued(r);
  };
  return (
    <Modal title={t('doc.issueDemand.title')} onClose={props.onClose}>
      <Form error={issue.error} onSubmit={onSubmit} label={t('doc.issueDemand.title')}>
        <div className="form-grid">
          <Field label={t('doc.field.customer')} name="customerId" wide>
            <CustomerPicker name="customerId" label={t('doc.field.customer')} value={customerId} onChange={(id) => setCustomerId(id)} />
          </Field>
          <Field label={t('doc.field.asOf')} name="asOf">
            <input name="asOf" type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
          </Field>
          <Field label={t('doc.field.deadline')} name="deadline">
            <input name="deadline" type="date" value={deadline} onChange={(e) => setDeadline(e.target.value)} />
          </Field>
          <Field label={t('doc.field.interest')} name="interestBpPerDay">
            <input name="interestBpPerDay" className="num" inputMode="numeric" value={interest} onChange={(e) => setInterest(e.target.value)} />
          </Field>
          <PaperOptions value={paper} onChange={setPaper} />
        </div>
        <Actions busy={issue.busy} onClose={props.onClose} label={t('doc.action.issueDemand')} />
      </Form>
    </Modal>
  );
}
