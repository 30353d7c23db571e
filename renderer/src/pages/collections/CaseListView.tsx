import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { CaseSummary } from '../../../../shared/api/collections-types';
import { call } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { Money } from '../../components/Money';
import { useI18n, type Translate } from '../../i18n';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import { OpenCaseDialog } from './dialogs/OpenCaseDialog';
import { debtorKey, stageKey } from './labels';

const col = createColumnHelper<CaseSummary>();

/** 催收案件: every open case with its stage, claim, next action and limitation date. */
export function CaseListView() {
  const { t, lang } = useI18n();
  const [includeClosed, setIncludeClosed] = useState(false);
  const [search, setSearch] = useState('');
  const [opening, setOpening] = useState(false);
  const cases = useLoad(() => call('case-list', { includeClosed }), [includeClosed]);
  const columns = useMemo(() => caseColumns(t), [t]);
  return (
    <>
      <div className="page-header">
        <h1>{t('coll.cases.title')}</h1>
        <label className="inline-check">
          <input type="checkbox" checked={includeClosed} onChange={(e) => setIncludeClosed(e.target.checked)} /> {t('coll.cases.includeClosed')}
        </label>
        <div className="header-spacer" />
        <input type="search" className="search" aria-label={t('common.search')} placeholder={t('common.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <button type="button" className="primary" data-action="open-case" onClick={() => setOpening(true)}>
          {t('coll.action.openCase')}
        </button>
      </div>
      {cases.error && <ErrorBox error={cases.error} onRetry={cases.reload} />}
      {cases.data && (
        <DataGrid<CaseSummary>
          key={lang}
          label={t('coll.cases.title')}
          data={cases.data}
          columns={columns}
          getRowId={(r) => String(r.id)}
          globalFilter={search}
          onRowActivate={(r) => navigate(`collections/cases/${r.id}`)}
          emptyText={t('coll.cases.empty')}
        />
      )}
      {opening && <OpenCaseDialog onClose={() => setOpening(false)} onOpened={(id) => navigate(`collections/cases/${id}`)} />}
    </>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function caseColumns(t: Translate): ColumnDef<CaseSummary, any>[] {
  return [
    col.accessor((r) => `${r.customerCode} ${r.customerName}`, {
      id: 'customer',
      header: t('coll.col.customer'),
      size: 220,
      cell: (c) => (
        <span>
          <span className="muted">{c.row.original.customerCode}</span> {c.row.original.customerName}
        </span>
      ),
    }),
    col.accessor((r) => t(stageKey(r.stage)), { id: 'stage', header: t('coll.case.stage'), size: 110, cell: (c) => <span className={`coll-stage s-${c.row.original.stage}`}>{c.getValue()}</span> }),
    col.accessor('claim', { header: t('coll.case.total'), size: 130, meta: { align: 'right' }, cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} /> }),
    col.accessor('interest', { header: t('coll.case.interest'), size: 110, meta: { align: 'right' }, cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} /> }),
    col.accessor('brokenPromises', { header: t('coll.case.broken'), size: 90, meta: { align: 'right' } }),
    col.accessor('nextActionDate', { header: t('coll.case.nextActionDate'), size: 110, cell: (c) => c.getValue() ?? '' }),
    col.accessor('nextAction', { header: t('coll.case.nextAction'), size: 160 }),
    col.accessor('limitationExpires', { header: t('coll.case.limitation'), size: 120, cell: (c) => c.getValue() ?? '' }),
    col.accessor((r) => (r.debtorType ? t(debtorKey(r.debtorType)) : ''), { id: 'debtor', header: t('coll.case.debtorType'), size: 130 }),
    col.accessor('owner', { header: t('coll.case.owner'), size: 90 }),
  ];
}
