import { useEffect, useState } from 'react';
import type { Contacts, CustomerStatus, Language } from '../../../../shared/domain';
import { currencyDigits } from '../../../../shared/money';
import { amountForInput, amountInput } from '../../lib/format';
import { call } from '../../api';
import { Field, Form } from '../../components/Form';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../lib/router';
import { useSubmit } from '../../lib/useSubmit';
import { ContactFields } from './ContactFields';

const emptyContact = { name: '', phone: '', email: '', address: '' };

/** The credit file of a customer (客户诚信档案): a new one, or an existing one with `id` (edits are audited). */
export function CustomerNewPage({ id }: { id?: number } = {}) {
  const { t, lang } = useI18n();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [salesperson, setSalesperson] = useState('');
  const [terms, setTerms] = useState('30');
  const [creditLimit, setCreditLimit] = useState('0');
  const [currency, setCurrency] = useState('CNY');
  const [language, setLanguage] = useState<Language>(lang);
  const [notes, setNotes] = useState('');
  const [contacts, setContacts] = useState<Contacts>({ original: emptyContact, finance: emptyContact, decision: emptyContact });
  const [status, setStatus] = useState<CustomerStatus>('active');
  const create = useSubmit('customer-create');
  const update = useSubmit('customer-update');
  const editing = id !== undefined;

  // New customers start from the company's base currency and default terms; edits from the file.
  useEffect(() => {
    if (id !== undefined) {
      call('customer-get', { id }).then(
        (c) => {
          setCode(c.code);
          setName(c.name);
          setSalesperson(c.salesperson);
          setTerms(String(c.paymentTermsDays));
          setCreditLimit(amountForInput(c.creditLimit, currencyDigits(c.currency)));
          setCurrency(c.currency);
          setLanguage(c.language);
          setNotes(c.notes);
          setContacts(c.contacts);
          setStatus(c.status);
        },
        () => undefined,
      );
      return;
    }
    call('company-get', {}).then(
      (c) => {
        setCurrency(c.baseCurrency);
        setTerms(String(c.defaultTermsDays));
      },
      () => undefined,
    );
  }, [id]);

  const onSubmit = async () => {
    const termsNumber = terms.trim() === '' ? Number.NaN : Number(terms);
    const fields = {
      code,
      name,
      salesperson,
      paymentTermsDays: termsNumber,
      creditLimit: creditLimit.trim() === '' ? '0' : amountInput(creditLimit),
      currency: currency.trim().toUpperCase(),
      language,
      notes,
      contacts,
    };
    const saved = editing ? await update.submit({ ...fields, id, status }) : await create.submit(fields);
    if (saved) navigate(`customers/${saved.id}`);
  };

  return (
    <div className="page">
      <div className="page-header">
        <a href={href(editing ? `customers/${id}` : 'customers')} className="back-link">
          ← {t('common.back')}
        </a>
        <h1>{editing ? t('customers.edit') : t('customers.new')}</h1>
      </div>
      <Form error={editing ? update.error : create.error} onSubmit={onSubmit} className="form sheet" label={editing ? t('customers.edit') : t('customers.new')}>
        <fieldset>
          <legend>{t('customer.creditFile')}</legend>
          <div className="form-grid">
            <Field label={t('customer.code')} name="code">
              <input name="code" value={code} onChange={(e) => setCode(e.target.value)} autoFocus />
            </Field>
            <Field label={t('customer.name')} name="name" span2>
              <input name="name" value={name} onChange={(e) => setName(e.target.value)} />
            </Field>
            <Field label={t('customer.salesperson')} name="salesperson">
              <input name="salesperson" value={salesperson} onChange={(e) => setSalesperson(e.target.value)} />
            </Field>
            <Field label={t('customer.terms')} name="paymentTermsDays">
              <input name="paymentTermsDays" inputMode="numeric" value={terms} onChange={(e) => setTerms(e.target.value)} />
            </Field>
            <Field label={t('customer.creditLimit')} name="creditLimit">
              <input name="creditLimit" inputMode="decimal" className="num" value={creditLimit} onChange={(e) => setCreditLimit(e.target.value)} />
            </Field>
            <Field label={t('customer.currency')} name="currency">
              <input name="currency" maxLength={3} value={currency} onChange={(e) => setCurrency(e.target.value)} />
            </Field>
            <Field label={t('customer.language')} name="language">
              <select name="language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                <option value="zh">{t('lang.zh')}</option>
                <option value="en">{t('lang.en')}</option>
              </select>
            </Field>
            {editing && (
              <Field label={t('customer.status')} name="status">
                <select name="status" value={status} onChange={(e) => setStatus(e.target.value as CustomerStatus)}>
                  <option value="active">{t('status.active')}</option>
                  <option value="on_hold">{t('status.on_hold')}</option>
                  <option value="closed">{t('status.closed')}</option>
                </select>
              </Field>
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('customer.contacts')}</legend>
          <div className="contacts-grid">
            {(['original', 'finance', 'decision'] as const).map((role) => (
              <ContactFields
                key={role}
                role={role}
                value={contacts[role]}
                onChange={(c) => setContacts((all) => ({ ...all, [role]: c }))}
              />
            ))}
          </div>
        </fieldset>
        <Field label={t('customer.notes')} name="notes" wide>
          <textarea name="notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={create.busy || update.busy} data-action="save-customer">
            {t('common.save')}
          </button>
          <a className="button" href={href(editing ? `customers/${id}` : 'customers')}>
            {t('common.cancel')}
          </a>
        </div>
      </Form>
    </div>
  );
}
