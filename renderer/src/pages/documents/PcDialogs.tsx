import { useState } from 'react';
import type { IssueResult, PriceConfirmationView } from '../../../../shared/api/papers';
import { todayIso } from '../../../../shared/dates';
import { Field, Form } from '../../components/Form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';
import { readAsBase64 } from '../../lib/files';

/** The signed confirmation came back. */
export function PcSignDialog(props: { pc: PriceConfirmationView; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [returnedOn, setReturnedOn] = useState(todayIso());
  const [signedBy, setSignedBy] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const sign = useSubmit('price-confirmation-sign');
  const onSubmit = async () => {
    const scan = file ? { name: file.name, base64: await readAsBase64(file) } : undefined;
    if (await sign.submit({ id: props.pc.id, returnedOn, signedBy, scan })) props.onDone();
  };
  return (
    <Modal title={t('doc.pc.sign.title', { number: props.pc.number })} onClose={props.onClose}>
      <Form error={sign.error} onSubmit={onSubmit} label={t('doc.action.sign')}>
        <div className="form-grid">
          <Field label={t('doc.field.returnedOn')} name="returnedOn">
            <input name="returnedOn" type="date" value={returnedOn} onChange={(e) => setReturnedOn(e.target.value)} />
          </Field>
          <Field label={t('doc.field.signedBy')} name="signedBy">
            <input name="signedBy" value={signedBy} onChange={(e) => setSignedBy(e.target.value)} />
          </Field>
          <Field label={t('doc.field.scan')} name="scan" wide>
            <input name="scan" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={sign.busy} data-action="save-sign">
            {t('common.save')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </Modal>
  );
}

/** Signed confirmation → invoice posted to the ledger (credit checked there) → the delivery's IOU. */
export function ConvertDialog(props: { pc: PriceConfirmationView; onClose(): void; onDone(invoice: string, iou: IssueResult | null): void }) {
  const { t } = useI18n();
  const [invoiceNumber, setInvoiceNumber] = useState('');
  const [date, setDate] = useState(todayIso());
  const [dueDate, setDueDate] = useState('');
  const [issueIou, setIssueIou] = useState(true);
  const [override, setOverride] = useState('');
  const convert = useSubmit('price-confirmation-convert');
  const onSubmit = async () => {
    const r = await convert.submit({ id: props.pc.id, invoiceNumber, date, ...(dueDate ? { dueDate } : {}), issueIou, ...(override.trim() ? { override: { reason: override.trim() } } : {}) });
    if (r) props.onDone(r.invoice.number, r.iou);
  };
  return (
    <Modal title={t('doc.convert.title', { number: props.pc.number })} onClose={props.onClose}>
      <Form error={convert.error} onSubmit={onSubmit} label={t('doc.action.convert')}>
        <div className="form-grid">
          <Field label={t('doc.convert.number')} name="invoiceNumber">
            <input name="invoiceNumber" value={invoiceNumber} onChange={(e) => setInvoiceNumber(e.target.value)} />
          </Field>
          <Field label={t('doc.convert.date')} name="date">
            <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
          <Field label={t('doc.convert.dueDate')} name="dueDate" hint={t('common.optional')}>
            <input name="dueDate" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
          </Field>
          <label className="field inline-check">
            <input type="checkbox" name="issueIou" checked={issueIou} onChange={(e) => setIssueIou(e.target.checked)} />
            {t('doc.convert.iou')}
          </label>
          <Field label={t('doc.pc.override')} name="override" hint={t('doc.pc.overrideHint')} wide>
            <input name="override" value={override} onChange={(e) => setOverride(e.target.value)} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={convert.busy} data-action="convert">
            {convert.busy ? t('doc.working') : t('doc.action.convert')}
          </button>
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </Modal>
  );
}
