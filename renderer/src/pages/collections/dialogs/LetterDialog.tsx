import { useState } from 'react';
import { LETTER_STEPS, type LetterResult, type LetterStep } from '../../../../../shared/api/collections-types';
import { todayIso } from '../../../../../shared/dates';
import type { Language } from '../../../../../shared/domain';
import { Field, Form } from '../../../components/Form';
import { Modal } from '../../../components/Modal';
import { PrintButton } from '../../../components/PrintButton';
import { useI18n } from '../../../i18n';
import { useSubmit } from '../../../lib/useSubmit';
import { saveBase64 as downloadBase64 } from '../../../lib/files';
import { stepKey } from '../labels';

/** The next step of the letter ladder: text to copy, an .eml or mailto, or the demand letter PDF; logged on the timeline. */
export function LetterDialog(props: { caseId: number; step?: LetterStep; language?: Language; onClose(): void; onDone(): void }) {
  const { t } = useI18n();
  const [f, setF] = useState({ step: props.step ?? ('sms' as LetterStep), language: props.language ?? ('zh' as Language), date: todayIso() });
  const [result, setResult] = useState<LetterResult | null>(null);
  const [copied, setCopied] = useState(false);
  const letter = useSubmit('case-letter');
  const onSubmit = async () => {
    const r = await letter.submit({ id: props.caseId, step: f.step, language: f.language, date: f.date });
    if (r) {
      setResult(r);
      props.onDone();
    }
  };
  const copy = async () => {
    if (!result) return;
    try {
      await navigator.clipboard.writeText(result.text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Modal title={t('coll.dlg.letter')} onClose={props.onClose} wide>
      {!result ? (
        <Form error={letter.error} onSubmit={onSubmit} label={t('coll.dlg.letter')} className="form form-grid coll-form">
          <Field label={t('coll.f.step')} name="step">
            <select name="step" value={f.step} onChange={(e) => setF({ ...f, step: e.target.value as LetterStep })}>
              {LETTER_STEPS.map((s) => (
                <option key={s} value={s}>
                  {t(stepKey(s))}
                </option>
              ))}
            </select>
          </Field>
          <Field label={t('coll.f.language')} name="language">
            <select name="language" value={f.language} onChange={(e) => setF({ ...f, language: e.target.value as Language })}>
              <option value="zh">{t('lang.zh')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          </Field>
          <Field label={t('coll.f.date')} name="date">
            <input name="date" type="date" value={f.date} onChange={(e) => setF({ ...f, date: e.target.value })} />
          </Field>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={letter.busy} data-action="generate-letter">
              {t('coll.letter.generate')}
            </button>
            <button type="button" onClick={props.onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </Form>
      ) : (
        <div className="coll-letter" data-letter={result.step}>
          <p className="notice" role="status">
            {t('coll.letter.logged')}
          </p>
          {result.subject && <p className="coll-subject">{result.subject}</p>}
          <textarea readOnly rows={result.step === 'sms' ? 4 : 12} value={result.text} aria-label={t(stepKey(result.step))} />
          <div className="form-actions">
            <button type="button" onClick={copy} data-action="copy-letter">
              {copied ? t('coll.letter.copied') : t('coll.letter.copy')}
            </button>
            <button type="button" className="primary" data-action="download-letter" onClick={() => downloadBase64(result.base64, result.fileName, result.mime)}>
              {t('coll.letter.download', { file: result.fileName })}
            </button>
            {result.mime === 'application/pdf' && (
              <PrintButton
                target={result.paperId ? { kind: 'paper', id: result.paperId } : { kind: 'case-document', caseId: props.caseId, documentId: result.documentId }}
                action="print-letter"
              />
            )}
            {result.mailto && (
              <a className="button" href={result.mailto} data-action="mailto">
                {t('coll.letter.mail')}
              </a>
            )}
            <button type="button" onClick={props.onClose}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </Modal>
  );
}
