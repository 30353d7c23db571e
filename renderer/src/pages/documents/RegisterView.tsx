import { useMemo, useState } from 'react';
import { PAPER_KINDS, type PaperKindName } from '../../../../shared/api/papers';
import { call } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { useI18n } from '../../i18n';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { paperColumns } from './columns';
import { kindKey } from './labels';
import { PaperPanel } from './PaperPanel';

type StatusFilter = 'all' | 'awaiting' | 'disputed' | 'voided';

/** Every paper issued, newest first, with one paper's history beside the list. */
export function RegisterView(props: { selected: number | null; refresh: number; onChanged(): void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<PaperKindName | ''>('');
  const [status, setStatus] = useState<StatusFilter>('all');
  const list = useLoad(() => call('paper-list', { status, limit: 5000, ...(kind ? { kind } : {}) }), [kind, status, props.refresh]);
  const columns = useMemo(() => paperColumns(t), [t]);
  return (
    <div className="doc-register">
      <div className="doc-list">
        <div className="page-header doc-filters">
          <label className="inline">
            {t('doc.filter.kind')}{' '}
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as PaperKindName | '')}>
              <option value="">{t('doc.filter.all')}</option>
              {PAPER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(kindKey(k))}
                </option>
              ))}
            </select>
          </label>
          <label className="inline">
            {t('doc.filter.status')}{' '}
            <select name="status" value={status} onChange={(e) => setStatus(e.target.value as StatusFilter)}>
              {(['all', 'awaiting', 'disputed', 'voided'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`doc.filter.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {list.error && <ErrorBox error={list.error} onRetry={list.reload} />}
        {list.data && (
          <DataGrid
            label={t('doc.tab.register')}
            data={list.data}
            columns={columns}
            getRowId={(p) => String(p.id)}
            onRowActivate={(p) => navigate(`documents/register/${p.id}`)}
            rowClassName={(p) => `${p.id === props.selected ? 'selected' : ''} ${p.status === 'voided' ? 'doc-voided' : ''}`}
            emptyText={t('doc.register.empty')}
            gridId="papers-register"
            className="doc-grid"
          />
        )}
      </div>
      {props.selected ? <PaperPanel key={props.selected} id={props.selected} onChanged={() => (list.reload(), props.onChanged())} /> : <aside className="doc-panel muted">{t('doc.detail.select')}</aside>}
    </div>
  );
}
