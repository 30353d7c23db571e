import { useMemo, useState } from 'react';
import { isIsoDate } from '../../../../shared/dates';
import { call } from '../../api';
import { ErrorBox } from '../../components/ErrorBox';
import { Grid } from '../../components/grid/Grid';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { useLoad } from '../../lib/useLoad';
import { compareColumns } from './columns';
import { bucketLabels } from './labels';
import { compareRows, type CompareRow } from './rows';

/** Two as-of dates side by side: per bucket, and per customer. */
export function ComparePanel(props: { initialA: string; initialB: string }) {
  const { t } = useI18n();
  const [a, setA] = useState(props.initialA);
  const [b, setB] = useState(props.initialB);
  const ok = isIsoDate(a) && isIsoDate(b);
  const cmp = useLoad(() => (ok ? call('aging-compare', { a, b }) : Promise.resolve(null)), [a, b, ok]);
  const data = cmp.data;
  const rows = useMemo(() => (data ? compareRows(data) : []), [data]);
  const columns = useMemo(() => (data ? compareColumns(t, rows, data.bounds, data.digits, data.currency) : []), [t, rows, data]);
  const multi = !!data?.rows.base;
  const labels = data ? bucketLabels(data.bounds, t) : [];
  return (
    <div className="compare-panel">
      <div className="compare-head">
        <label className="inline-field">
          <span>{t('agingWs.compareA')}</span>
          <input type="date" name="compareA" value={a} onChange={(e) => setA(e.target.value)} />
        </label>
        <label className="inline-field">
          <span>{t('agingWs.compareB')}</span>
          <input type="date" name="compareB" value={b} onChange={(e) => setB(e.target.value)} />
        </label>
        {data && <h2>{t('agingWs.compareTitle', { a: data.a, b: data.b })}</h2>}
      </div>
      {cmp.error && <ErrorBox error={cmp.error} onRetry={cmp.reload} />}
      {data && (
        <table className="mini-table compare-table" data-testid="compare-buckets">
          <thead>
            <tr>
              <th scope="col" />
              {labels.map((l) => (
                <th scope="col" className="num" key={l}>
                  {l}
                </th>
              ))}
              <th scope="col" className="num">
                {t('agingWs.total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(['a', 'b'] as const).map((k) => (
              <tr key={k}>
                <th scope="row">{k === 'a' ? data.a : data.b}</th>
                {(k === 'a' ? data.bucketsA : data.bucketsB).map((v, i) => (
                  <td className="num" key={i}>
                    <Money amount={v} digits={data.digits} blankZero />
                  </td>
                ))}
                <td className="num strong">
                  <Money amount={k === 'a' ? data.totalA : data.totalB} digits={data.digits} />
                </td>
              </tr>
            ))}
            <tr className="change-row">
              <th scope="row">{t('agingWs.change')}</th>
              {data.bucketsB.map((v, i) => (
                <td className="num" key={i}>
                  <Money amount={v - data.bucketsA[i]} digits={data.digits} blankZero />
                </td>
              ))}
              <td className="num strong">
                <Money amount={data.totalB - data.totalA} digits={data.digits} />
              </td>
            </tr>
          </tbody>
        </table>
      )}
      {data && (
        <Grid<CompareRow>
          gridId="aging-compare"
          label={t('agingWs.compare')}
          data={rows}
          columns={columns}
          getRowId={(r) => String(r.customerId)}
          pinned={['code', 'name']}
          showTotals
          totalsDigits={data.digits}
          totalsLabel={multi ? t('agingWs.totalsIn', { currency: data.currency }) : undefined}
          rowHeight={28}
          exportName={`${t('agingWs.compare')} ${data.a} ${data.b}`}
        />
      )}
    </div>
  );
}
