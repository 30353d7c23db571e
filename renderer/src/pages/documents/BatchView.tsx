import { useEffect, useRef, useState } from 'react';
import type { BatchProgress } from '../../../../shared/api/papers';
import type { ApiErrorBody } from '../../../../shared/errors';
import { invoke } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { PrintButton } from '../../components/PrintButton';
import { useI18n } from '../../i18n';
import { saveBase64 } from '../../lib/files';
import { lastMonth } from './PaperOptions';

/** "Print statements for March": start, watch the progress bar, cancel, open the combined PDF. */
export function BatchView(props: { onChanged(): void }) {
  const { t, tError } = useI18n();
  const [month, setMonth] = useState(lastMonth());
  const [paperSize, setPaperSize] = useState<'A4' | 'LETTER'>('A4');
  const [progress, setProgress] = useState<BatchProgress | null>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  const timer = useRef<number | null>(null);
  const { onChanged } = props;

  useEffect(() => {
    if (!progress || progress.state !== 'running') return;
    timer.current = window.setTimeout(async () => {
      const r = await invoke('statements-batch-progress', { jobId: progress.jobId });
      if (r.ok) {
        setProgress(r.value);
        if (r.value.state !== 'running') onChanged();
      } else setError(r.error);
    }, 400);
    return () => {
      if (timer.current) window.clearTimeout(timer.current);
    };
  }, [progress, onChanged]);

  const start = async () => {
    setError(null);
    const r = await invoke('statements-batch-start', { month, paperSize });
    if (r.ok) setProgress(r.value);
    else setError(r.error);
  };
  const cancel = async () => {
    if (!progress) return;
    const r = await invoke('statements-batch-cancel', { jobId: progress.jobId });
    if (r.ok) setProgress(r.value);
  };
  const openCombined = async () => {
    if (!progress) return;
    const r = await invoke('statements-batch-pdf', { jobId: progress.jobId });
    if (r.ok) saveBase64(r.value.base64, r.value.fileName, 'application/pdf');
    else setError(r.error);
  };
  const running = progress?.state === 'running';
  const pct = progress && progress.total ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <section className="doc-batch" aria-label={t('doc.tab.monthEnd')}>
      <p className="muted">{t('doc.batch.intro')}</p>
      <div className="doc-section-head">
        <label className="inline">
          {t('doc.field.month')}{' '}
          <input name="batchMonth" type="month" value={month} disabled={running} onChange={(e) => setMonth(e.target.value)} />
        </label>
        <label className="inline">
          {t('doc.field.paperSize')}{' '}
          <select name="batchPaper" value={paperSize} disabled={running} onChange={(e) => setPaperSize(e.target.value as 'A4' | 'LETTER')}>
            <option value="A4">A4</option>
            <option value="LETTER">US Letter</option>
          </select>
        </label>
        {running ? (
          <button type="button" onClick={cancel} data-action="batch-cancel">
            {t('doc.batch.cancel')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={start} data-action="batch-start">
            {t('doc.batch.start')}
          </button>
        )}
      </div>
      {error && <ErrorBox error={error} />}
      {progress && (
        <div className="doc-progress" data-testid="batch-progress" data-state={progress.state}>
          <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('doc.tab.monthEnd')} />
          <span>
            {t('doc.batch.progress', { done: progress.done, total: progress.total })} · {pct}%
          </span>
          {progress.state === 'done' && <p className="doc-ok">{t('doc.batch.done', { issued: progress.issued, reused: progress.reused, seconds: (progress.elapsedMs / 1000).toFixed(1) })}</p>}
          {progress.state === 'cancelled' && <p className="muted">{t('doc.batch.cancelled', { done: progress.done, total: progress.total })}</p>}
          {progress.state === 'failed' && <p className="form-error">{t('doc.batch.failed', { error: tError({ key: progress.error ?? 'error.internal', params: {} }) })}</p>}
          <p className="muted">
            {t('doc.batch.folder')}: <code>{progress.outDir}</code>
          </p>
          {progress.state === 'done' && (
            <div className="doc-actions">
              <button type="button" className="primary" onClick={openCombined} data-action="batch-open">
                {t('doc.batch.combined')}
              </button>
              <PrintButton target={{ kind: 'statements-batch', jobId: progress.jobId }} action="batch-print" />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
