import { useEffect, useState } from 'react';
import type { Company } from '../../../../shared/domain';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Field, Form } from '../../components/Form';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { useSubmit } from '../../lib/useSubmit';

/** The company profile that heads every statement and letter. */
export function CompanyForm() {
  const { t } = useI18n();
  const company = useLoad(() => call('company-get', {}), []);
  const [draft, setDraft] = useState<Company | null>(null);
  const [terms, setTerms] = useState('');
  const [saved, setSaved] = useState(false);
  const update = useSubmit('company-update');

  useEffect(() => {
    if (company.data) {
      setDraft(company.data);
      setTerms(String(company.data.defaultTermsDays));
    }
  }, [company.data]);

  if (company.error) return <ErrorBox error={company.error} onRetry={company.reload} />;
  if (!draft) return null;
  const set = (patch: Partial<Company>) => {
    setSaved(false);
    setDraft({ ...draft, ...patch });
  };
  const onSubmit = async () => {
    const result = await update.submit({
      name: draft.name,
      address: draft.address,
      taxId: draft.taxId,
      defaultTermsDays: terms.trim() === '' ? Number.NaN : Number(terms),
    });
    if (result) {
      setDraft(result);
      setSaved(true);
    }
  };
  return (
    <section className="card settings-card">
      <h2>{t('settings.company')}</h2>
      <Form error={update.error} onSubmit={onSubmit} label={t('settings.company')}>
        <div className="form-grid two">
          <Field label={t('settings.companyName')} name="name" wide>
            <input name="name" value={draft.name} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <Field label={t('settings.address')} name="address" wide>
            <input name="address" value={draft.address} onChange={(e) => set({ address: e.target.value })} />
          </Field>
          <Field label={t('settings.taxId')} name="taxId">
            <input name="taxId" value={draft.taxId} onChange={(e) => set({ taxId: e.target.value })} />
          </Field>
          <Field label={t('settings.defaultTerms')} name="defaultTermsDays">
            <input
              name="defaultTermsDays"
              inputMode="numeric"
              value={terms}
              onChange={(e) => {
                setSaved(false);
                setTerms(e.target.value);
              }}
            />
          </Field>
        </div>
        <div className="form-actions">
          <button type="submit" className="primary" disabled={update.busy} data-action="save-company">
            {t('common.save')}
          </button>
          {saved && (
            <span className="notice" role="status">
              {t('settings.saved')}
            </span>
          )}
        </div>
      </Form>
    </section>
  );
}
