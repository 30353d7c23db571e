import { useState } from 'react';
import { EVIDENCE_KINDS, type EvidenceKind } from '../../../../../shared/api/collections-types';
import { todayIso } from '../../../../../shared/dates';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { useSubmit } from '../../../lib/useSubmit';
import { readAsBase64 as fileToBase64 } from '../../../lib/files';
import { evidenceKey } from '../labels';
import { FormButtons } from './FormButtons';

/** The same limit main applies (see electron/collections/evidence.ts). */
const MAX_FILE_BYTES = 6 * 1024 * 1024;

/** Attach a file (scan, screenshot, recording, posting receipt); main checks its bytes and keeps it unchanged. */
export function EvidenceDialog(props: { caseId: number; invoices: { invoiceId: number; number: string }[]; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [f, setF] = useState({ kind: 'chat' as EvidenceKind, description: '', date: todayIso(), proves: '', invoiceId: '' });
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const attach = useSubmit('case-evidence');
  const onSubmit = async () => {
    if (!file) {
      attach.setError({ key: 'error.required', params: { field: t('coll.f.file') }, field: 'fileName' });
      return;
    }
    if (file.size > MAX_FILE_BYTES) {
      attach.setError({ key: 'error.fileTooLarge', params: { mb: MAX_FILE_BYTES / 1024 / 1024 }, field: 'fileName' });
      return;
    }
    const base64 = await fileToBase64(file);
    const r = await attach.submit({
      id: props.caseId,
      fileName: file.name,
      base64,
      kind: f.kind,
      description: f.description,
      date: f.date,
      proves: f.proves,
      ...(f.invoiceId ? { invoiceId: Number(f.invoiceId) } : {}),
    });
    if (r) props.onDone();
  };
  return (
    <Modal title={t('coll.dlg.evidence')} onClose={props.onClose}>
      <Form error={attach.error} onSubmit={onSubmit} label={t('coll.dlg.evidence')} className="form form-grid coll-form">
        <p className="explain wide">{t('coll.dlg.evidenceExplain')}</p>
        <Field label={t('coll.f.file')} name="fileName" wide>
          <input name="file" type="file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </Field>
        <Field label={t('coll.f.kind')} name="kind">
          <select name="kind" value={f.kind} onChange={set('kind')}>
            {EVIDENCE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(evidenceKey(k))}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('coll.f.date')} name="date">
          <input name="date" type="date" value={f.date} onChange={set('date')} />
        </Field>
        <Field label={t('coll.f.description')} name="description" wide>
          <input name="description" value={f.description} onChange={set('description')} />
        </Field>
        <Field label={t('coll.f.proves')} name="proves" wide>
          <input name="proves" value={f.proves} onChange={set('proves')} />
        </Field>
        {props.invoices.length > 0 && (
          <Field label={t('coll.f.invoice')} name="invoiceId">
            <select name="invoiceId" value={f.invoiceId} onChange={set('invoiceId')}>
              <option value="">{t('coll.f.anyInvoice')}</option>
              {props.invoices.map((i) => (
                <option key={i.invoiceId} value={i.invoiceId}>
                  {i.number}
                </option>
              ))}
            </select>
          </Field>
        )}
        <FormButtons busy={attach.busy} label={t('common.save')} action="save-evidence" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
