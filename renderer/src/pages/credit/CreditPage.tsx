import { useMemo, useState } from 'react';
import { isIsoDate, todayIso } from '../../../../shared/dates';
import { creditText } from '../../../../shared/credit/messages';
import { GRADES, type CreditRow, type Grade } from '../../../../shared/credit/types';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Grid } from '../../components/grid/Grid';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { GradeBadge } from './bits';
import { creditColumns } from './columns';
import { RatingPanel } from './RatingPanel';
import { SettingsDialog } from './SettingsDialog';
import { SignalsView } from './SignalsView';

type Show = 'all' | 'hold' | 'signals' | 'due';

function customerFromHash(): number | null {
  const m = /^#\/credit\/(\d+)/.exec(window.location.hash);
  return m ? Number(m[1]) : null;
}

/** 信用评级: every customer's grade, why, and whether a delivery may go; reviews, settings, warning signals. */
export function CreditPage() {
  const { t, lang } = useI18n();
  const [asOf, setAsOf] = useState(todayIso());
  const [tab, setTab] = useState<'ratings' | 'signals'>('ratings');
  const [show, setShow] = useState<Show>('all');
  const [grade, setGrade] = useState<Grade | null>(null);
  const [selected, setSelected] = useState<number | null>(customerFromHash);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const date = isIsoDate(asOf) ? asOf : todayIso();
  const report = useLoad(() => call('credit-ratings', { asOf: date }), [date]);
  const settings = useLoad(() => call('credit-settings-get', {}), [settingsOpen]);
  const rows = report.data?.rows ?? [];

  const reasonText = (r: CreditRow) => r.holdReasons.map((x) => creditText(lang, x.key, x.params)).join('\n');
  const signalText = (r: CreditRow) => r.signals.map((x) => creditText(lang, x.key, x.params)).join('\n');
  const trendDays = settings.data?.trendDays ?? 90;
  const columns = useMemo(() => creditColumns(t, rows, trendDays, reasonText, signalText), [t, rows, trendDays, lang]); // eslint-disable-line react-hooks/exhaustive-deps
  const shown = useMemo(
    () =>
      rows.filter(
        (r) =>
          (grade === null || r.grade === grade) &&
          (show === 'all' || (show === 'hold' && r.hold !== null) || (show === 'signals' && r.signals.length > 0) || (show === 'due' && r.reviewDue)),
      ),
    [rows, grade, show],
  );
  const counts = useMemo(() => {
    const byGrade = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
    for (const r of rows) byGrade[r.grade]++;
    return { byGrade, hold: rows.filter((r) => r.hold).length, due: rows.filter((r) => r.reviewDue).length, signals: rows.filter((r) => r.signals.length).length };
  }, [rows]);

  const runReviews = async () => {
    const r = await call('credit-review-run', { asOf: date });
    setNotice(t('credit.reviewsDone', { reviewed: r.reviewed, changed: r.changed }));
    report.reload();
  };

  return (
    <div className="page fill credit-page">
      <div className="page-header">
        <h1>{t('credit.title')}</h1>
        <label className="inline-field">
          <span>{t('credit.asOf')}</span>
          <input type="date" name="asOf" value={asOf} onChange={(e) => setAsOf(e.target.value)} />
        </label>
        <div className="segmented" role="radiogroup" aria-label={t('credit.title')}>
          {(['ratings', 'signals'] as const).map((k) => (
            <label key={k} className={tab === k ? 'on' : undefined}>
              <input type="radio" name="credit-tab" value={k} checked={tab === k} onChange={() => setTab(k)} />
              {k === 'ratings' ? t('credit.tab.ratings') : t('credit.tab.signals', { count: counts.signals })}
            </label>
          ))}
        </div>
        {report.loading && <span className="muted">{t('app.loading')}</span>}
        {notice && (
          <span className="notice" role="status">
            {notice}
          </span>
        )}
        <div className="header-spacer" />
        <button type="button" data-action="run-reviews" onClick={runReviews} disabled={counts.due === 0}>
          {t('credit.runReviews', { count: counts.due })}
        </button>
        <button type="button" data-action="credit-settings" onClick={() => setSettingsOpen(true)}>
          {t('credit.settings')}
        </button>
      </div>
      {report.error && <ErrorBox error={report.error} onRetry={report.reload} />}
      <div className="credit-summary" data-testid="credit-summary">
        {GRADES.map((g) => (
          <button key={g} type="button" className={`grade-chip${grade === g ? ' on' : ''}`} aria-pressed={grade === g} data-chip={`grade-${g}`} onClick={() => setGrade(grade === g ? null : g)}>
            <GradeBadge grade={g} /> <span className="chip-count">{counts.byGrade[g]}</span>
          </button>
        ))}
        <span className="summary-fact hold-fact">{t('credit.summary.hold', { count: counts.hold })}</span>
        <span className="summary-fact">{t('credit.summary.due', { count: counts.due })}</span>
        {report.data && <span className="summary-fact muted">{t('credit.summary.millis', { ms: report.data.millis })}</span>}
        <div className="header-spacer" />
        {tab === 'ratings' && (
          <label className="inline-field">
              <span>{t('credit.show')}</span>
              <select name="credit-show" value={show} onChange={(e) => setShow(e.target.value as Show)}>
                {(['all', 'hold', 'signals', 'due'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`credit.show.${s}`)}
                  </option>
                ))}
              </select>
          </label>
        )}
      </div>
      <div className={`credit-body${selected !== null ? ' with-panel' : ''}`}>
        {tab === 'ratings' ? (
          <Grid<CreditRow>
            gridId="credit-ratings"
            label={t('credit.title')}
            data={shown}
            columns={columns}
            getRowId={(r) => String(r.customerId)}
            pinned={['code', 'name']}
            initialSorting={[{ id: 'score', desc: false }]}
            onRowActivate={(r) => setSelected(r.customerId)}
            activateOn="click"
            rowClassName={(r) => `${r.hold ? `held-${r.hold}` : ''}${r.customerId === selected ? ' selected-row' : ''}`}
            rowHeight={30}
            emptyText={t('credit.empty')}
            exportName={`${t('credit.title')} ${date}`}
          />
        ) : (
          <SignalsView rows={rows} onOpen={(id) => setSelected(id)} />
        )}
        {selected !== null && <RatingPanel key={`${selected}-${date}`} customerId={selected} asOf={date} onClose={() => setSelected(null)} onChanged={report.reload} />}
      </div>
      {settingsOpen && settings.data && (
        <SettingsDialog
          settings={settings.data}
          onClose={() => setSettingsOpen(false)}
          onSaved={() => {
            setSettingsOpen(false);
            setNotice(t('credit.settings.saved'));
            report.reload();
          }}
        />
      )}
    </div>
  );
}
