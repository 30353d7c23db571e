import { useState } from 'react';
import type { PaperDetail, PaperSummary } from '../../../../shared/api/papers';
import { todayIso } from '../../../../shared/dates';
import { Field, Form } from '../../components/Form';
import { Modal } from '../../components/Modal';
import { useI18n } from '../../i18n';
import { amountInput } from '../../lib/format';
import { useSubmit } from '../../lib/useSubmit';
import { readAsBase64 } from '../../lib/files';

/** The signed copy came back: when, who signed, the scan, and for a statement confirmed or disputed. */
export function SignBackDialog(props: { paper: PaperSummary; onClose(): void; onDone(d: PaperDetail): void }) {
  const { t } = useI18n();
  const isStatement = props.paper.kind === 'statement';
  const [returnedOn, setReturnedOn] = useState(todayIso());
  const [signedBy, setSignedBy] = useState('');
  const [outcome, setOutcome] = useState<'signed' | 'confirmed' | 'disputed'>(isStatement ? 'confirmed' : 'signed');
  const [customerAmount, setCustomerAmount] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const save = useSubmit('paper-signback');
  const onSubmit = async () => {
    const scan = file ? { name: file.name, base64: await readAsBase64(file) } : undefined;
    const r = await save.submit({
      paperId: props.paper.id,
      returnedOn,
      signedBy,
      outcome,
      ...(outcome === 'disputed' ? { customerAmount: amountInput(customerAmount), reason } : {}),
      scan,
    });
    if (r) props.onDone(r);
  };
  return (
    <Modal title={t('doc.signBack.title', { number: props.paper.number })} onClose={props.onClose}>
      <Form error={save.error} onSubmit={onSubmit} label={t('doc.action.signBack')}>
        <div className="form-grid">
          <Field label={t('doc.field.returnedOn')} name="returnedOn">
            <input name="returnedOn" type="date" value={returnedOn} onChange={(e) => setReturnedOn(e.target.value)} />
          </Field>
          <Field label={t('doc.field.signedBy')} name="signedBy">
            <input name="signedBy" value={signedBy} onChange={(e) => setSignedBy(e.target.value)} />
          </Field>
          {isStatement && (
            <div className="field">
              <span className="field-label">{t('doc.field.outcome')}</span>
              <div className="segmented" role="radiogroup" aria-label={t('doc.field.outcome')}>
                {(['confirmed', 'disputed'] as const).map((o) => (
                  <label key={o} className={outcome === o ? 'on' : undefined}>
                    <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} />
                    {t(`doc.outcome.${o}`)}
                  </label>
                ))}
              </div>
            </div>
          )}
          {outcome === 'disputed' && (
            <>
              <Field label={`${t('doc.field.customerAmount')} (${props.paper.currency})`} name="customerAmount">
                <input name="customerAmount" className="num" inputMode="decimal" value={customerAmount} onChange={(e) => setCustomerAmount(e.target.value)} />
              </Field>
              <Field label={t('doc.field.reason')} name="reason" wide>
                <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              </Field>
            </>
          )}
          <Field label={t('doc.field.scan')} name="scan" wide>
            <input name="scan" type="file" accept="application/pdf,image/jpeg,image/png" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={save.busy} data-action="save-signback">
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
