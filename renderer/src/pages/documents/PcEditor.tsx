import { useState } from 'react';
import type { IssueResult } from '../../../../shared/api/papers';
import { todayIso } from '../../../../shared/dates';
import type { CustomerSummary } from '../../../../shared/domain';
import { Field, Form } from '../../components/Form';
import { useI18n } from '../../i18n';
import { useSubmit } from '../../lib/useSubmit';
import { CustomerPicker } from './CustomerPicker';
import { PaperOptions, paperRequest, type PaperChoice } from './PaperOptions';
import { emptyPcLine, isBlankPcLine, PcItemGrid, pcLineForApi, type PcLineDraft } from './PcItemGrid';

const TEXT_FIELDS = ['paymentMethod', 'paymentTerms', 'deliveryAddress', 'acceptancePerson', 'acceptanceCriteria', 'paymentResponsible', 'notes'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

/** 供货价格确认书 editor: customer, items, payment terms and the six questions; creating it prints it. */
export function PcEditor(props: { customerId: number | null; onCancel(): void; onCreated(r: IssueResult): void }) {
  const { t } = useI18n();
  const [customerId, setCustomerId] = useState<number | null>(props.customerId);
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  const [date, setDate] = useState(todayIso());
  const [lines, setLines] = useState<PcLineDraft[]>([emptyPcLine]);
  const [text, setText] = useState<Record<TextField, string>>({ paymentMethod: '', paymentTerms: '', deliveryAddress: '', acceptancePerson: '', acceptanceCriteria: '', paymentResponsible: '', notes: '' });
  const [paymentDeadline, setPaymentDeadline] = useState('');
  const [deliveryDate, setDeliveryDate] = useState('');
  const [interest, setInterest] = useState('5');
  const [override, setOverride] = useState('');
  const [paper, setPaper] = useState<PaperChoice>({ paperSize: 'A4', language: '' });
  const create = useSubmit('price-confirmation-create');
  const digits = customer?.digits ?? 2;
  const onSubmit = async () => {
    if (!customerId) return create.setError({ key: 'error.required', params: { field: t('doc.field.customer') }, field: 'customerId' });
    const r = await create.submit({
      customerId,
      date,
      lines: lines.filter((l) => !isBlankPcLine(l)).map(pcLineForApi),
      ...text,
      ...(paymentDeadline ? { paymentDeadline } : {}),
      ...(deliveryDate ? { deliveryDate } : {}),
      interestBpPerDay: Number(interest) || 0,
      ...(override.trim() ? { override: { reason: override.trim() } } : {}),
      ...paperRequest(paper),
    });
    if (r) props.onCreated(r);
    // A long form: bring the error (a credit hold, a bad cell) into view.
    else requestAnimationFrame(() => document.querySelector('.doc-editor .form-error, .doc-editor .field-error')?.scrollIntoView({ block: 'center' }));
  };
  const textField = (f: TextField, wide = false) => (
    <Field key={f} label={t(`doc.pc.${f}`)} name={f} wide={wide}>
      <input name={f} value={text[f]} onChange={(e) => setText((s) => ({ ...s, [f]: e.target.value }))} />
    </Field>
  );
  return (
    <section className="doc-editor" aria-label={t('doc.pc.title')}>
      <h2>{t('doc.pc.title')}</h2>
      <Form error={create.error} onSubmit={onSubmit} label={t('doc.pc.title')}>
        <div className="form-grid">
          <Field label={t('doc.field.customer')} name="customerId" wide>
            <CustomerPicker name="customerId" label={t('doc.field.customer')} value={customerId} onChange={(id, c) => (setCustomerId(id), setCustomer(c))} />
          </Field>
          <Field label={t('doc.pc.date')} name="date">
            <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
          </Field>
          <PaperOptions value={paper} onChange={setPaper} />
        </div>
        <PcItemGrid lines={lines} digits={digits} currency={customer?.currency ?? ''} onChange={setLines} />
        <div className="form-grid">
          {textField('paymentMethod')}
          {textField('paymentTerms')}
          <Field label={t('doc.pc.paymentDeadline')} name="paymentDeadline" hint={t('common.optional')}>
            <input name="paymentDeadline" type="date" value={paymentDeadline} onChange={(e) => setPaymentDeadline(e.target.value)} />
          </Field>
          <Field label={t('doc.field.interest')} name="interestBpPerDay">
            <input name="interestBpPerDay" className="num" inputMode="numeric" value={interest} onChange={(e) => setInterest(e.target.value)} />
          </Field>
          <Field label={t('doc.pc.deliveryDate')} name="deliveryDate" hint={t('common.optional')}>
            <input name="deliveryDate" type="date" value={deliveryDate} onChange={(e) => setDeliveryDate(e.target.value)} />
          </Field>
          {textField('deliveryAddress')}
        </div>
        <fieldset className="six-questions">
          <legend>{t('invoice.sixQuestions')}</legend>
          <div className="form-grid">
            {textField('acceptancePerson')}
            {textField('paymentResponsible')}
            {textField('acceptanceCriteria', true)}
          </div>
        </fieldset>
        <div className="form-grid">
          {textField('notes', true)}
          <Field label={t('doc.pc.override')} name="override" hint={t('doc.pc.overrideHint')} wide>
            <input name="override" value={override} onChange={(e) => setOverride(e.target.value)} />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={create.busy} data-action="create-pc">
            {create.busy ? t('doc.working') : t('doc.pc.create')}
          </button>
          <button type="button" onClick={props.onCancel}>
            {t('common.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}
