import { useEffect, useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { ImportKindName, ImportPreview, ImportProblemView, ImportResult } from '../../../../shared/api/imports';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n, type MessageKey } from '../../i18n';
import { fieldLabel, groupDecimal, problemText } from './labels';
import { saveText, toCsvLine, type Settings } from './upload';
import type { ImportJob } from './useImportJob';

type ProblemRow = ImportProblemView & { id: number; columnText: string; reason: string };
const col = createColumnHelper<ProblemRow>();

/** Step 4: the dry run (started on arrival), its counts and every problem row; then the import. */
export function CheckStep(props: { kind: ImportKindName; settings: Settings; preview: ImportPreview; job: ImportJob; onImported?(): void }) {
  const { t, lang } = useI18n();
  const { kind, settings, preview, job, onImported } = props;
  const { checked, imported, running } = job;

  useEffect(() => {
    if (!checked && !imported && !running) void job.check(settings);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (imported) onImported?.();
  }, [imported, onImported]);

  const rows = useMemo<ProblemRow[]>(
    () =>
      (checked?.problems ?? []).map((p, id) => {
        const source = preview.mapping[p.column] != null ? preview.header[preview.mapping[p.column]!] : '';
        const columnText = p.column ? `${fieldLabel(t, p.column, kind)}${source && source !== p.column ? ` (${source})` : ''}` : '';
        return { ...p, id, columnText, reason: problemText(lang, t, kind, p) };
      }),
    [checked, preview, t, lang, kind],
  );
  const columns = useMemo(
    () => [
      col.accessor('line', { header: t('import.col.line'), size: 70, meta: { align: 'right' } }),
      col.accessor('columnText', { header: t('import.col.column'), size: 200 }),
      col.accessor('reason', { header: t('import.col.reason'), size: 760 }),
    ],
    [t],
  );
  const save = () => {
    const lines = [[t('import.col.line'), t('import.col.column'), t('import.col.reason')], ...rows.map((r) => [String(r.line), r.columnText, r.reason])];
    saveText(lines.map(toCsvLine).join('\r\n') + '\r\n', `${preview.fileName.replace(/\.[^.]+$/, '')}-problems.csv`);
  };

  const shown = imported ?? checked;
  return (
    <div className="import-check-step">
      {job.error && <ErrorBox error={job.error} />}
      {running && (
        <div className="import-progress" data-testid="import-progress">
          <progress max={Math.max(1, job.progress?.total ?? 0)} value={job.progress?.total ? job.progress.done : undefined} />
          <span>
            {job.progress?.phase && job.progress.total
              ? t('import.progress', { phase: t(`import.phase.${job.progress.phase}` as MessageKey), done: job.progress.done, total: job.progress.total })
              : t(`import.phase.${job.progress?.phase ?? 'reading'}` as MessageKey)}
          </span>
          <button type="button" data-action="import-cancel" onClick={job.cancel}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {!running && shown && <Summary result={shown} done={!!imported} />}
      {!running && checked && checked.cancelled && <p className="import-note">{t('import.cancelled')}</p>}
      {!running && !imported && checked && !checked.cancelled && checked.problemCount > 0 && (
        <>
          <p className="import-warning" role="alert" data-testid="import-problems-count">
            {t('import.problems', { count: checked.problemCount })} {checked.problemCount > checked.problems.length ? t('import.problemsShown', { shown: checked.problems.length }) : ''}
          </p>
          <div className="import-problems">
            <DataGrid label={t('import.col.reason')} data={rows} columns={columns} getRowId={(r) => String(r.id)} initialSorting={[{ id: 'line', desc: false }]} />
          </div>
        </>
      )}
      {!running && !imported && (
        <div className="import-actions">
          {checked && checked.problemCount > 0 && (
            <button type="button" data-action="import-save-problems" onClick={save}>
              {t('import.saveProblems')}
            </button>
          )}
          <button type="button" data-action="import-check" onClick={() => void job.check(settings)}>
            {checked ? t('import.recheck') : t('import.check')}
          </button>
          <div className="header-spacer" />
          {checked && !checked.cancelled && checked.problemCount === 0 && (
            <>
              <span className="muted">{checked.created > 0 ? t('import.oneTransaction') : t('import.nothingNew')}</span>
              <button type="button" className="primary" data-action="import-commit" disabled={checked.created === 0} onClick={() => void job.commit(settings)}>
                {t('import.commit', { count: checked.created })}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function Summary({ result: r, done }: { result: ImportResult; done: boolean }) {
  const { t } = useI18n();
  // With problems nothing would be created: only what was read is worth showing.
  const clean = r.problemCount === 0 && !r.cancelled;
  const items: [MessageKey, string | number, string][] = [['import.sum.rows', r.rows, 'rows']];
  if (clean) items.push([done ? 'import.sum.createdDone' : 'import.sum.created', r.created, 'created'], ['import.sum.skipped', r.skipped, 'skipped']);
  if (clean && r.allocations) items.push(['import.sum.allocations', r.allocations, 'allocations']);
  if (clean && r.settled) items.push(['import.sum.settled', r.settled, 'settled']);
  if (r.ignored) items.push(['import.sum.ignored', r.ignored, 'ignored']);
  return (
    <div className="import-summary">
      {done && (
        <p className="import-done" role="status" data-testid="import-done">
          {t('import.done', { created: r.created, skipped: r.skipped })}
        </p>
      )}
      {!done && r.problemCount === 0 && !r.cancelled && r.created > 0 && (
        <p className="import-ok" role="status" data-testid="import-ready">
          {t('import.ready')}
        </p>
      )}
      <dl className="kpis">
        {items.map(([label, value, key]) => (
          <div className="kpi" key={key} data-kpi={key}>
            <dt className="kpi-label">{t(label)}</dt>
            <dd className="kpi-value">{value.toLocaleString()}</dd>
          </div>
        ))}
        {Object.entries(clean ? r.totals : {}).map(([currency, amount]) => (
          <div className="kpi" key={currency} data-kpi={`total-${currency}`}>
            <dt className="kpi-label">{t('import.sum.total', { currency })}</dt>
            <dd className="kpi-value">{groupDecimal(amount)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
