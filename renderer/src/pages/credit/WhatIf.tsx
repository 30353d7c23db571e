import { useState } from 'react';
import { reasonsText } from '../../../../shared/credit/messages';
import type { CreditDetail, WhatIfResult } from '../../../../shared/credit/types';
import { formatAmount } from '../../lib/format';
import { invoke } from '../../api';
import { useI18n } from '../../i18n';

/** "If they pay the 60-day invoices today, what grade?" */
export function WhatIf({ detail, asOf }: { detail: CreditDetail; asOf: string }) {
  const { t, lang, tError } = useI18n();
  const [days, setDays] = useState('60');
  const [picked, setPicked] = useState<number[]>([]);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const overdue = detail.openInvoices.filter((i) => i.daysOverdue > 0);
  const run = async () => {
    const n = Number(days);
    const res = await invoke('credit-whatif', {
      customerId: detail.customerId,
      asOf,
      ...(days.trim() !== '' && Number.isInteger(n) && n >= 0 ? { payOverdueDays: n } : {}),
      payInvoiceIds: picked,
    });
    if (res.ok) {
      setResult(res.value);
      setError(null);
    } else setError(tError(res.error));
  };
  const money = (x: number) => formatAmount(x, detail.digits);
  return (
    <section className="what-if" data-testid="what-if">
      <h3>{t('credit.whatIf.title')}</h3>
      <div className="what-if-row">
        <span>{t('credit.whatIf.pay')}</span>
        <input name="whatif-days" className="num days-input" inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} />
        <span>{t('credit.whatIf.days')}</span>
      </div>
      {overdue.length > 0 && (
        <details>
          <summary>{t('credit.whatIf.pick')}</summary>
          <ul className="pick-list">
            {overdue.slice(0, 200).map((i) => (
              <li key={i.id}>
                <label>
                  <input type="checkbox" checked={picked.includes(i.id)} onChange={(e) => setPicked(e.target.checked ? [...picked, i.id] : picked.filter((x) => x !== i.id))} />
                  {t('credit.whatIf.invoice', { number: i.number, amount: money(i.open), days: i.daysOverdue })}
                </label>
              </li>
            ))}
          </ul>
        </details>
      )}
      <button type="button" data-action="what-if" onClick={run}>
        {t('credit.whatIf.run')}
      </button>
      {error && <p className="form-error">{error}</p>}
      {result && (
        <div className="what-if-result" data-testid="what-if-result">
          {result.paid === 0 ? (
            <p>{t('credit.whatIf.nothing')}</p>
          ) : (
            <p>
              <strong>
                {t('credit.whatIf.result', {
                  amount: money(result.paid),
                  invoices: result.paidInvoices.length > 4 ? `${result.paidInvoices.slice(0, 4).join(', ')} …` : result.paidInvoices.join(', '),
                  before: result.before.grade,
                  scoreBefore: result.before.score,
                  after: result.after.grade,
                  scoreAfter: result.after.score,
                })}
              </strong>
            </p>
          )}
          <p>
            {result.verdictAfter.ok
              ? result.verdictBefore.ok
                ? t('credit.whatIf.noHold')
                : t('credit.whatIf.lifted')
              : t('credit.whatIf.still', { reasons: reasonsText(lang, result.verdictAfter.reasons) })}
          </p>
        </div>
      )}
    </section>
  );
}
