/**
 * The import wizard: choose the file → how it is read (encoding, separator, sheet, header row) →
 * which column is which, with a preview of the values as understood → check (dry run: counts and
 * every problem row) → import in one transaction. Nothing is written before the last step.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { call, errorBody } from '../../api';
import type { ImportKindName, ImportPreview } from '../../../../shared/api/imports';
import type { ApiErrorBody } from '../../../../shared/errors';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n, type MessageKey } from '../../i18n';
import { CheckStep } from './CheckStep';
import { ColumnsStep, columnsReady } from './ColumnsStep';
import { FileStep } from './FileStep';
import { SourceStep } from './SourceStep';
import { runSettings, uploadFile, type Choices, type Settings } from './upload';
import { useImportJob } from './useImportJob';
import './import.css';

const STEPS: MessageKey[] = ['import.step.file', 'import.step.source', 'import.step.columns', 'import.step.check'];

export function ImportWizard(props: { initialKind?: ImportKindName; onClose(): void; onImported?(): void }) {
  const { t } = useI18n();
  const titleId = useId();
  const [step, setStep] = useState(0);
  const [kind, setKind] = useState<ImportKindName>(props.initialKind ?? 'customers');
  const [file, setFile] = useState<{ name: string; size: number } | null>(null);
  const [uploadId, setUploadId] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<number | null>(null);
  const [choices, setChoices] = useState<Choices>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const job = useImportJob(uploadId);
  const seq = useRef(0);

  // The preview follows every choice; a stale answer never overwrites a newer one.
  useEffect(() => {
    if (!uploadId) return;
    const mine = ++seq.current;
    call('import-preview', { uploadId, kind, ...choices }).then(
      (p) => mine === seq.current && (setPreview(p), setError(null)),
      (e) => mine === seq.current && setError(errorBody(e)),
    );
  }, [uploadId, kind, choices]);

  const { reset } = job;
  const choose = useCallback(
    (patch: Choices, remap = false) => {
      reset();
      setChoices((c) => ({ ...c, ...patch, ...(remap ? { mapping: undefined } : {}) }));
    },
    [reset],
  );

  const pickFile = async (f: File) => {
    setError(null);
    setPreview(null);
    setChoices({});
    job.reset();
    if (uploadId) void call('import-discard', { uploadId }).catch(() => undefined);
    setUploadId(null);
    setFile({ name: f.name, size: f.size });
    setUploaded(0);
    try {
      setUploadId(await uploadFile(f, setUploaded));
    } catch (e) {
      setError(errorBody(e));
      setFile(null);
    } finally {
      setUploaded(null);
    }
  };

  const close = useCallback(() => {
    if (job.running && !window.confirm(t('import.confirmClose'))) return;
    if (job.running) job.cancel();
    if (uploadId) void call('import-discard', { uploadId }).catch(() => undefined);
    props.onClose();
  }, [job, uploadId, props, t]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [close]);

  const settings: Settings | null = uploadId && preview ? runSettings({ uploadId, kind, ...choices }, preview) : null;
  const canNext = step === 0 ? !!preview : step === 1 ? !!preview && preview.header.length > 0 : step === 2 ? !!preview && columnsReady(preview, kind, choices) : false;
  const again = () => {
    setStep(0);
    setFile(null);
    setUploadId(null);
    setPreview(null);
    setChoices({});
    job.reset();
  };

  return (
    <div className="modal-backdrop">
      <div className="modal import-modal" role="dialog" aria-modal="true" aria-labelledby={titleId} data-testid="import-wizard">
        <header className="modal-header">
          <h2 id={titleId}>{t('import.title')}</h2>
          <ol className="import-steps" aria-label={t('import.stepOf', { n: step + 1 })}>
            {STEPS.map((s, i) => (
              <li key={s} className={i === step ? 'on' : i < step ? 'done' : undefined} aria-current={i === step ? 'step' : undefined}>
                <span className="import-step-n">{i + 1}</span>
                {t(s)}
              </li>
            ))}
          </ol>
          <button type="button" className="modal-close" aria-label={t('common.close')} onClick={close}>
            ×
          </button>
        </header>
        <div className="modal-body import-body" data-step={step}>
          {error && <ErrorBox error={error} />}
          {step === 0 && <FileStep kind={kind} onKind={(k) => (setKind(k), choose({ presetId: undefined }, true))} file={file} uploaded={uploaded} preview={preview} onFile={pickFile} />}
          {step === 1 && preview && <SourceStep preview={preview} onChoose={choose} />}
          {step === 2 && preview && <ColumnsStep kind={kind} preview={preview} choices={choices} onChoose={choose} />}
          {step === 3 && settings && <CheckStep kind={kind} settings={settings} preview={preview!} job={job} onImported={props.onImported} />}
        </div>
        <footer className="import-footer">
          {step > 0 && !job.imported && (
            <button type="button" data-action="import-back" disabled={!!job.running} onClick={() => setStep(step - 1)}>
              {t('import.back')}
            </button>
          )}
          <div className="header-spacer" />
          {job.imported ? (
            <>
              <button type="button" data-action="import-another" onClick={again}>
                {t('import.another')}
              </button>
              <button type="button" className="primary" data-action="import-close" onClick={close}>
                {t('import.close')}
              </button>
            </>
          ) : (
            step < 3 && (
              <button type="button" className="primary" data-action="import-next" disabled={!canNext} onClick={() => setStep(step + 1)}>
                {t('import.next')}
              </button>
            )
          )}
        </footer>
      </div>
    </div>
  );
}
