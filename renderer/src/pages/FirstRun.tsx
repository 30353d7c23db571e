import { useState } from 'react';
import { Field, Form } from '../components/Form';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n';
import { useSubmit } from '../lib/useSubmit';

const CURRENCIES = ['CNY', 'HKD', 'USD', 'EUR', 'TWD', 'SGD', 'JPY'];

/** No ledger open yet: start one for the company, or open the demo ledger. */
export function FirstRun({ onOpened }: { onOpened(): void }) {
  const { t } = useI18n();
  const [companyName, setCompanyName] = useState('');
  const [currency, setCurrency] = useState('CNY');
  const create = useSubmit('ledger-create');
  const demo = useSubmit('ledger-open-demo');
  const busy = create.busy || demo.busy;

  const onCreate = async () => {
    if (await create.submit({ companyName, currency })) onOpened();
  };
  const onDemo = async () => {
    if (await demo.submit({})) onOpened();
  };

  return (
    <div className="first-run">
      <div className="first-run-top">
        <LanguageSwitch />
      </div>
      <h1>{t('firstRun.title')}</h1>
      <p className="lead">{t('firstRun.intro')}</p>
      <div className="first-run-cards">
        <section className="card">
          <h2>{t('firstRun.newLedger')}</h2>
          <Form error={create.error} onSubmit={onCreate} label={t('firstRun.newLedger')}>
            <Field label={t('firstRun.companyName')} name="companyName" wide>
              <input name="companyName" value={companyName} onChange={(e) => setCompanyName(e.target.value)} autoFocus />
            </Field>
            <Field label={t('firstRun.currency')} name="currency">
              <select name="currency" value={currency} onChange={(e) => setCurrency(e.target.value)}>
                {CURRENCIES.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </Field>
            <div className="form-actions">
              <button type="submit" className="primary" disabled={busy} data-action="create-ledger">
                {create.busy ? t('firstRun.working') : t('firstRun.create')}
              </button>
            </div>
          </Form>
        </section>
        <section className="card">
          <h2>{t('firstRun.demo')}</h2>
          <p>{t('firstRun.demoIntro')}</p>
          <Form error={demo.error} onSubmit={onDemo} label={t('firstRun.demo')}>
            <div className="form-actions">
              <button type="submit" disabled={busy} data-action="open-demo">
                {demo.busy ? t('firstRun.working') : t('firstRun.openDemo')}
              </button>
            </div>
          </Form>
        </section>
      </div>
    </div>
  );
}
