import { Field } from '../../components/Form';
import { useI18n } from '../../i18n';

export interface PaperChoice {
  paperSize: 'A4' | 'LETTER';
  language: '' | 'en' | 'zh';
}

/** Paper size and language (by default the customer's own). */
export function PaperOptions(props: { value: PaperChoice; onChange(v: PaperChoice): void }) {
  const { t } = useI18n();
  return (
    <>
      <Field label={t('doc.field.paperSize')} name="paperSize">
        <select name="paperSize" value={props.value.paperSize} onChange={(e) => props.onChange({ ...props.value, paperSize: e.target.value as PaperChoice['paperSize'] })}>
          <option value="A4">A4</option>
          <option value="LETTER">US Letter</option>
        </select>
      </Field>
      <Field label={t('doc.field.language')} name="language">
        <select name="language" value={props.value.language} onChange={(e) => props.onChange({ ...props.value, language: e.target.value as PaperChoice['language'] })}>
          <option value="">{t('doc.field.languageCustomer')}</option>
          <option value="zh">中文</option>
          <option value="en">English</option>
        </select>
      </Field>
    </>
  );
}

export const paperRequest = (v: PaperChoice) => ({ paperSize: v.paperSize, ...(v.language ? { language: v.language } : {}) });

/** 'YYYY-MM' of the month before today: what month-end work is usually about. */
export function lastMonth(): string {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}
