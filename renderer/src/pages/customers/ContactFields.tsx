import type { Contact } from '../../../../shared/domain';
import { Field } from '../../components/Form';
import { useI18n } from '../../i18n';

const FIELDS = ['name', 'phone', 'email', 'address'] as const;

/** One of the three contacts of the credit file (初始联系人, 财务联系人, 决策人). */
export function ContactFields(props: { role: 'original' | 'finance' | 'decision'; value: Contact; onChange(c: Contact): void }) {
  const { t } = useI18n();
  return (
    <div className="contact-card">
      <h3>{t(`customer.contact.${props.role}`)}</h3>
      {FIELDS.map((f) => {
        const name = `contacts.${props.role}.${f}`;
        return (
          <Field key={f} label={t(`contact.${f}`)} name={name}>
            <input
              name={name}
              type={f === 'email' ? 'email' : f === 'phone' ? 'tel' : 'text'}
              value={props.value[f]}
              onChange={(e) => props.onChange({ ...props.value, [f]: e.target.value })}
            />
          </Field>
        );
      })}
    </div>
  );
}
