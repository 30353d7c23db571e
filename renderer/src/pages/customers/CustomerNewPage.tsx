import { useEffect, useState } from 'react';
import type { Contacts, Language } from '../../../../shared/domain';
import { call } from '../../api';
import { Field, Form } from '../../components/Form';
import { useI18n } from '../../i18n';
import { href, navigate } from '../../lib/router';
import { useSubmit } from '../../lib/useSubmit';
import { ContactFields } from './ContactFields';

const emptyContact = { name: '', phone: '', email: '', address: '' };

/** The credit file of a new customer (客户诚信档案). */
export function CustomerNewPage() {
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
  const create = useSubmit('customer-create');

  // New customers start from the company's base currency and default terms.
  useEffect(() => {
    call('company-get', {}).then(
      (c) => {
        setCurrency(c.baseCurrency);
        setTerms(String(c.defaultTermsDays));
      },
      () => undefined,
    );
  }, []);

  const onSubmit = async () => {
    const termsNumber = terms.trim() === '' ? Number.NaN : Number(terms);
    const created = await create.submit({
      code,
      name,
      salesperson,
      paymentTermsDays: termsNumber,
      creditLimit: creditLimit.trim() === '' ? '0' : creditLimit.trim(),
      currency: currency.trim().toUpperCase(),
      language,
      notes,
      contacts,
    });
    if (created) navigate(`customers/${created.id}`);
  };

  return (
    <div className="page">
      <div className="page-header">
        <a href={href('customers')} className="back-link">
          ← {t('common.back')}
        </a>
        <h1>{t('customers.new')}</h1>
      </div>
      <Form error={create.error} onSubmit={onSubmit} className="form sheet" label={t('customers.new')}>
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
          <button type="submit" className="primary" disabled={create.busy} data-action="save-customer">
            {t('common.save')}
          </button>
          <a className="button" href={href('customers')}>
            {t('common.cancel')}
          </a>
        </div>
      </Form>
    </div>
  );
}
