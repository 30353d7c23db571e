import { useState } from 'react';
import type { CaseDetail } from '../../../../../shared/api/collections-types';
import { todayIso } from '../../../../../shared/dates';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { useI18n } from '../../../i18n';
import { money } from '../../../lib/format';
import { useSubmit } from '../../../lib/useSubmit';
import { FormButtons } from './FormButtons';

/**
 * Add some of the customer's overdue invoices that are not in the case (as of the page's date);
 * each one goes on the timeline with the reason, who and when.
 */
export function AddInvoicesDialog(props: { detail: CaseDetail; asOf: string; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const others = props.detail.otherOpenInvoices;
  const [picked, setPicked] = useState<Set<number>>(new Set());
  const [reason, setReason] = useState('');
  const [date, setDate] = useState(todayIso());
  const change = useSubmit('case-invoices');
  const onSubmit = async () => {
    if (picked.size === 0) return;
    const r = await change.submit({ id: props.detail.id, add: others.filter((i) => picked.has(i.id)).map((i) => i.id), remove: [], reason, date });
    if (r) props.onDone();
  };
  const toggle = (id: number) => setPicked((s) => (s.has(id) ? new Set([...s].filter((x) => x !== id)) : new Set([...s, id])));
  const all = picked.size === others.length && others.length > 0;
  const total = others.filter((i) => picked.has(i.id)).reduce((s, i) => s + i.open, 0);
  return (
    <Modal title={t('coll.dlg.addInvoices')} onClose={props.onClose}>
      <Form error={change.error} onSubmit={onSubmit} label={t('coll.dlg.addInvoices')} className="form form-grid coll-form">
        <p className="explain wide">{t('coll.dlg.addExplain', { customer: props.detail.customerName, date: props.asOf })}</p>
        {others.length === 0 ? (
          <p className="muted wide" data-testid="no-other-invoices">{t('coll.claim.noOthers')}</p>
        ) : (
          <fieldset className="coll-checks coll-pick wide" data-testid="pick-invoices">
            <label className="coll-pick-all">
              <input type="checkbox" name="all" checked={all} onChange={() => setPicked(all ? new Set() : new Set(others.map((i) => i.id)))} /> {t('coll.dlg.pickAll')}
            </label>
            {others.map((i) => (
              <label key={i.id} data-invoice={i.number}>
                <input type="checkbox" name="invoice" value={i.id} checked={picked.has(i.id)} onChange={() => toggle(i.id)} />
                <span className="coll-pick-number">{i.number}</span>
                <span className="coll-pick-due">{t('coll.inv.due')} {i.dueDate}</span>
                <span className="coll-pick-open">{money(i.open, props.detail.digits)}</span>
              </label>
            ))}
          </fieldset>
        )}
        <p className="wide" data-testid="picked-summary">{t('coll.dlg.picked', { count: picked.size, amount: money(total, props.detail.digits) })}</p>
        <Field label={t('coll.f.reason')} name="reason" wide>
          <input name="reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
        <Field label={t('coll.f.date')} name="date">
          <input name="date" type="date" value={date} onChange={(e) => setDate(e.target.value)} />
        </Field>
        <FormButtons busy={change.busy || picked.size === 0} label={t('coll.dlg.addPicked')} action="save-invoices" onCancel={props.onClose} />
      </Form>
    </Modal>
  );
}
