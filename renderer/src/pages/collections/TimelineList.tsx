import type { CaseDetail, Channel, DebtorType, LetterStep, PromiseHow, Stage, Temperament, TimelineEntry } from '../../../../shared/api/collections-types';
import { useI18n, type Translate } from '../../i18n';
import { money } from '../../lib/format';
import { channelKey, debtorKey, howKey, stageKey, stepKey, temperKey, timelineKey } from './labels';
import { formatPpm } from './rate';

/** The case's story, newest first; nothing here is editable, a correction is a new entry. */
export function TimelineList(props: { detail: CaseDetail; onCorrect(e: TimelineEntry): void }) {
  const { t } = useI18n();
  const d = props.detail;
  const entries = [...d.timeline].reverse();
  return (
    <ol className="coll-timeline" aria-label={t('coll.case.timeline')}>
      {entries.map((e) => (
        <li key={e.key} className={`tl-${e.kind}${e.correctedBy ? ' corrected' : ''}`} data-entry={e.kind}>
          <div className="tl-head">
            <span className="tl-date">{e.date}</span>
            <span className="tl-kind">{t(timelineKey(e.kind))}</span>
            {e.channel && <span className="tl-channel">{t(channelKey(e.channel as Channel))}</span>}
            {e.person && <span className="tl-person">{e.person}</span>}
            {e.amount !== null && <span className="tl-amount">{money(e.amount, d.digits)}</span>}
            {e.key.startsWith('event:') && e.kind !== 'correction' && (
              <button type="button" className="link-button tl-correct" onClick={() => props.onCorrect(e)}>
                {t('coll.action.correct')}
              </button>
            )}
          </div>
          <div className="tl-text">{describe(e, t, d.digits)}</div>
          {e.correctedBy && <div className="tl-note">{t('coll.tl.corrected')}</div>}
          {e.by && <div className="tl-by">{t('coll.tl.by', { who: e.by })}</div>}
        </li>
      ))}
    </ol>
  );
}

const FIELDS: Record<string, 'coll.case.debtorType' | 'coll.case.temperament' | 'coll.case.owner' | 'coll.case.nextAction' | 'coll.case.nextActionDate' | 'coll.case.rate' | 'coll.case.fees'> = {
  debtor_type: 'coll.case.debtorType',
  temperament: 'coll.case.temperament',
  owner: 'coll.case.owner',
  next_action: 'coll.case.nextAction',
  next_action_date: 'coll.case.nextActionDate',
  interest_rate_ppm: 'coll.case.rate',
  fees: 'coll.case.fees',
};

function describe(e: TimelineEntry, t: Translate, digits: number): string {
  const d = e.data;
  const join = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' — ');
  switch (e.kind) {
    case 'stage':
      return join(t('coll.tl.stageText', { from: t(stageKey(d.from as Stage)), to: t(stageKey(d.to as Stage)) }), e.summary);
    case 'promise':
      return join(`${t('coll.tl.promiseText', { amount: money(Number(d.amount), digits), due: String(d.dueDate) })} (${t(howKey(d.how as PromiseHow))})`, e.summary);
    case 'letter':
      return join(t(stepKey(d.step as LetterStep)), e.summary);
    case 'updated':
      return Object.entries(d)
        .map(([k, v]) => {
          const label = FIELDS[k] ? t(FIELDS[k]) : k;
          let value = v === null ? '—' : String(v);
          if (k === 'debtor_type' && v) value = t(debtorKey(v as DebtorType));
          if (k === 'temperament' && v) value = t(temperKey(v as Temperament));
          if (k === 'interest_rate_ppm' && v !== null) value = `${formatPpm(Number(v))}%`;
          if (k === 'fees') value = money(Number(v), digits);
          return `${label}: ${value}`;
        })
        .join('; ');
    default:
      return join(e.summary, e.outcome);
  }
}
