import { useEffect } from 'react';
import { creditText, factorText } from '../../../../shared/credit/messages';
import { formatAmount } from '../../lib/format';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { GradeBadge, TrendArrow } from './bits';
import { ManualGrade } from './ManualGrade';
import { ReviewHistory } from './ReviewHistory';
import { WhatIf } from './WhatIf';

/** One customer's rating, explained: every factor in plain words, the hold and why, what-if, history. */
export function RatingPanel(props: { customerId: number; asOf: string; onClose(): void; onChanged(): void }) {
  const { t, lang } = useI18n();
  const detail = useLoad(() => call('credit-rating', { customerId: props.customerId, asOf: props.asOf }), [props.customerId, props.asOf]);
  const grades = useLoad(() => call('credit-settings-get', {}), []);
  const { onClose } = props;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  const d = detail.data;
  const changed = () => {
    detail.reload();
    props.onChanged();
  };
  const g = grades.data?.grades;
  return (
    <aside className="credit-panel" aria-label={d ? `${d.code} ${d.name}` : t('app.loading')} data-testid="rating-panel">
      <header className="credit-panel-head">
        {d ? (
          <>
            <GradeBadge grade={d.rating.grade} manual={d.rating.manual} computed={d.rating.computedGrade} noHistory={d.rating.noHistory} large />
            <div className="credit-panel-title">
              <h2>
                <span className="customer-code">{d.code}</span> {d.name}
              </h2>
              <div className="muted">
                {t('credit.panel.score', { score: d.rating.score })} <TrendArrow score={d.rating.score} previous={d.previous.score} days={grades.data?.trendDays ?? 90} />
                {d.rating.manual && <> · {t('credit.panel.computed', { grade: d.rating.computedGrade })}</>}
                {d.rating.noHistory && <> · {t('credit.grade.new')}</>}
              </div>
            </div>
          </>
        ) : (
          <h2>{t('app.loading')}</h2>
        )}
        <button type="button" className="modal-close" aria-label={t('common.close')} onClick={onClose}>
          ×
        </button>
      </header>
      {detail.error && <ErrorBox error={detail.error} onRetry={detail.reload} />}
      {d && (
        <div className="credit-panel-body">
          <button type="button" className="link-button" onClick={() => navigate(`customers/${d.customerId}`)}>
            {t('credit.panel.openLedger')}
          </button>
          <section className={`verdict ${d.verdict.ok ? 'verdict-ok' : `verdict-${d.verdict.mode}`}`} data-testid="verdict">
            <strong>
              {d.verdict.ok ? t('credit.panel.ok') : d.verdict.mode === 'limit' ? t('credit.panel.limit', { amount: formatAmount(d.verdict.allowedAmount ?? 0, d.digits) }) : t('credit.panel.block')}
            </strong>
            {!d.verdict.ok && (
              <ul>
                {d.verdict.reasons.map((r) => (
                  <li key={r.key}>{creditText(lang, r.key, r.params)}</li>
                ))}
              </ul>
            )}
          </section>
          {d.rating.manual && (
            <p className="manual-note">{t('credit.panel.manual', { grade: d.rating.grade, by: d.profile.manualBy, date: (d.profile.manualAt ?? '').slice(0, 10), reason: d.profile.manualReason })}</p>
          )}
          <section>
            <h3>{t('credit.panel.factors')}</h3>
            <ul className="factor-list" data-testid="factors">
              {d.rating.factors.map((f) => (
                <li key={f.id} className={f.points > 0 ? 'costs' : 'free'} data-factor={f.id}>
                  <span className="factor-text">{creditText(lang, f.key, f.params)}</span>
                  <span className="factor-points" title={factorText(lang, f)}>
                    {f.points > 0 ? `−${f.points}` : '0'}
                  </span>
                </li>
              ))}
              <li className="factor-total">
                <span className="factor-text">100 − {d.rating.factors.reduce((s, f) => s + f.points, 0)}</span>
                <span className="factor-points">= {d.rating.score}</span>
              </li>
            </ul>
            {g && <p className="note">{t('credit.panel.factorsNote', { a: g.A, b: g.B, c: g.C, d: g.D })}</p>}
          </section>
          <section>
            <h3>{t('credit.panel.signals')}</h3>
            {d.signals.length === 0 ? (
              <p className="muted">{t('credit.panel.noSignals')}</p>
            ) : (
              <ul className="signal-list">
                {d.signals.map((s) => (
                  <li key={s.key}>⚠ {creditText(lang, s.key, s.params)}</li>
                ))}
              </ul>
            )}
          </section>
          <WhatIf detail={d} asOf={props.asOf} />
          <ManualGrade detail={d} asOf={props.asOf} onSaved={changed} />
          <ReviewHistory detail={d} onChanged={changed} />
        </div>
      )}
    </aside>
  );
}
