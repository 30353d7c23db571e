import { STAGES, type CaseDetail, type LimitationRestart } from '../../../../shared/api/collections-types';
import { Money } from '../../components/Money';
import { useI18n, type Translate } from '../../i18n';
import { closeKey, debtorKey, stageKey, temperKey } from './labels';
import { formatPpm } from './rate';

/** Who owes what: the customer, the escalation ladder, the claim in figures and the limitation clock. */
export function CaseHeader({ detail: d }: { detail: CaseDetail }) {
  const { t, lang } = useI18n();
  const c = d.claimDetail;
  const lim = c.limitation;
  const current = STAGES.indexOf(d.stage);
  return (
    <section className="coll-case-header">
      <div className="customer-title">
        <h1>
          <span className="customer-code">{d.customerCode}</span> {d.customerName}
        </h1>
        <span className={`coll-stage s-${d.stage}`} data-stage={d.stage}>
          {t(stageKey(d.stage))}
          {d.closeReason ? ` · ${t(closeKey(d.closeReason))}` : ''}
        </span>
      </div>
      <ol className="coll-ladder" aria-label={t('coll.case.stage')}>
        {STAGES.map((s, i) => (
          <li key={s} className={i < current ? 'done' : i === current ? 'current' : undefined} aria-current={i === current ? 'step' : undefined}>
            {t(stageKey(s))}
          </li>
        ))}
      </ol>
      <div className="kpis">
        <Kpi label={t('coll.case.principal')} id="principal">
          <Money amount={c.principal} digits={d.digits} /> <span className="currency">{d.currency}</span>
        </Kpi>
        <Kpi label={t('coll.case.interest')} id="interest">
          <Money amount={c.interest} digits={d.digits} />
        </Kpi>
        <Kpi label={t('coll.case.fees')} id="fees">
          <Money amount={c.fees} digits={d.digits} />
        </Kpi>
        <Kpi label={t('coll.case.total')} id="total">
          <Money amount={c.total} digits={d.digits} />
        </Kpi>
        <Kpi label={t('coll.case.limitation')} id="limitation" alert={lim !== null && lim.state !== 'ok'}>
          {lim ? lim.expires : '—'}
          {lim && lim.state !== 'ok' && <span className="coll-lim-note">{lim.state === 'expired' ? t('coll.lim.expired') : t('coll.lim.warning', { days: lim.daysLeft })}</span>}
        </Kpi>
        <Kpi label={t('coll.case.broken')} id="broken" alert={d.brokenPromises > 0}>
          {d.brokenPromises}
        </Kpi>
      </div>
      <dl className="facts">
        <Fact label={t('coll.case.owner')} value={d.owner} />
        <Fact label={t('coll.case.opened')} value={d.openedOn} />
        <Fact label={t('coll.case.debtorType')} value={d.debtorType ? t(debtorKey(d.debtorType)) : '—'} />
        <Fact label={t('coll.case.temperament')} value={d.temperament ? t(temperKey(d.temperament)) : '—'} />
        <Fact label={t('coll.case.nextAction')} value={[d.nextActionDate, d.nextAction].filter(Boolean).join(' · ') || '—'} />
        {lim && <Fact label={t('coll.case.limitation')} value={t('coll.case.limitationRestart', { date: lim.restartedBy.date, what: restartText(lim.restartedBy, t) })} />}
        <Fact
          label={t('coll.case.rate')}
          value={t('coll.case.rateNote', { rate: formatPpm(c.ratePpm), source: t(c.rateIsContract ? 'coll.case.rateContract' : 'coll.case.rateDefault') })}
          wide
        />
      </dl>
      <div className="coll-tactics" data-lang={lang}>
        <h2>{t('coll.case.tactics')}</h2>
        {d.tactics.debtorType || d.tactics.temperament ? (
          <>
            {d.tactics.debtorType && <p>{d.tactics.debtorType[lang]}</p>}
            {d.tactics.temperament && <p>{d.tactics.temperament[lang]}</p>}
          </>
        ) : (
          <p className="muted">{t('coll.case.tacticsNone')}</p>
        )}
      </div>
    </section>
  );
}

export function restartText(r: LimitationRestart, t: Translate): string {
  return t(`coll.lim.${r.kind}`, { label: r.label });
}

function Kpi(props: { label: string; id: string; alert?: boolean; children: React.ReactNode }) {
  return (
    <div className={`kpi${props.alert ? ' alert' : ''}`} data-kpi={props.id}>
      <div className="kpi-label">{props.label}</div>
      <div className="kpi-value">{props.children}</div>
    </div>
  );
}

function Fact(props: { label: string; value: string; wide?: boolean }) {
  return (
    <div className={`fact${props.wide ? ' wide' : ''}`}>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  );
}
