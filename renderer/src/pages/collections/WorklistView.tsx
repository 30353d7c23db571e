import { createColumnHelper, type ColumnDef } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { WorklistItem } from '../../../../shared/api/collections-types';
import { isIsoDate, todayIso } from '../../../../shared/dates';
import { call, errorBody } from '../../api';
import { DataGrid } from '../../components/DataGrid';
import { ErrorBox } from '../../components/ErrorBox';
import { Money } from '../../components/Money';
import { useI18n, type Translate } from '../../i18n';
import { navigate } from '../../lib/router';
import { useLoad } from '../../lib/useLoad';
import type { ApiErrorBody } from '../../../../shared/errors';
import { ContactDialog } from './dialogs/ContactDialog';
import { LetterDialog } from './dialogs/LetterDialog';
import { PromiseDialog } from './dialogs/PromiseDialog';
import { worklistKey } from './labels';

type Action = { kind: 'contact' | 'promise' | 'letter'; item: WorklistItem } | null;
const col = createColumnHelper<WorklistItem>();

/** 今日工作: what to chase on a day, most urgent first, each row with one-click actions. */
export function WorklistView() {
  const { t, lang } = useI18n();
  const [date, setDate] = useState(todayIso());
  const valid = isIsoDate(date) ? date : todayIso();
  const list = useLoad(() => call('worklist-get', { date: valid }), [valid]);
  const [action, setAction] = useState<Action>(null);
  const [error, setError] = useState<ApiErrorBody | null>(null);
  // One click: a customer without a case gets one (at the reminder stage) before the action opens.
  const act = async (a: NonNullable<Action>) => {
    setError(null);
    if (a.item.caseId) return setAction(a);
    try {
      const r = await call('case-open', { customerId: a.item.customerId, date: valid });
      setAction({ ...a, item: { ...a.item, caseId: r.id } });
    } catch (e) {
      setError(errorBody(e));
    }
  };
  const columns = useMemo(() => worklistColumns(t, act), [t, valid]); // eslint-disable-line react-hooks/exhaustive-deps
  const done = () => {
    setAction(null);
    list.reload();
  };
  const cancel = () => {
    setAction(null);
    list.reload();
  };
  return (
    <>
      <div className="page-header">
        <h1>{t('coll.worklist.title')}</h1>
        <label className="inline-field">
          <span>{t('coll.worklist.date')}</span>
          <input type="date" name="worklistDate" value={date} onChange={(e) => setDate(e.target.value)} />
        </label>
      </div>
      {list.data?.moments.map((m) => (
        <p key={m.kind} className={`coll-moment ${m.kind}`} data-moment={m.kind}>
          {t(`coll.moment.${m.kind}`, { from: m.from, to: m.to, holiday: m.holiday ?? '' })}
        </p>
      ))}
      {(list.error || error) && <ErrorBox error={(list.error ?? error)!} onRetry={list.reload} />}
      {list.data && (
        <DataGrid<WorklistItem>
          key={lang}
          label={t('coll.worklist.title')}
          data={list.data.items}
          columns={columns}
          getRowId={(r) => r.key}
          rowClassName={(r) => `wl-${r.kind}`}
          onRowActivate={(r) => navigate(r.caseId ? `collections/cases/${r.caseId}` : `customers/${r.customerId}`)}
          emptyText={t('coll.worklist.empty')}
          className="coll-worklist"
        />
      )}
      {action?.kind === 'contact' && action.item.caseId && <ContactDialog caseId={action.item.caseId} date={valid} onClose={cancel} onDone={done} />}
      {action?.kind === 'promise' && action.item.caseId && (
        <PromiseDialog caseId={action.item.caseId} digits={action.item.digits} date={valid} person={action.item.kind.startsWith('promise') ? action.item.detail : ''} onClose={cancel} onDone={done} />
      )}
      {action?.kind === 'letter' && action.item.caseId && <LetterDialog caseId={action.item.caseId} step={action.item.kind === 'due_soon' ? 'sms' : undefined} onClose={cancel} onDone={list.reload} />}
    </>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function worklistColumns(t: Translate, act: (a: NonNullable<Action>) => void): ColumnDef<WorklistItem, any>[] {
  return [
    col.accessor((r) => t(worklistKey(r.kind)), {
      id: 'kind',
      header: t('coll.col.what'),
      size: 190,
      cell: (c) => <span className={`coll-chip ${c.row.original.kind}`}>{c.getValue()}</span>,
    }),
    col.accessor((r) => `${r.customerCode} ${r.customerName}`, {
      id: 'customer',
      header: t('coll.col.customer'),
      size: 220,
      cell: (c) => (
        <span title={c.getValue()}>
          <span className="muted">{c.row.original.customerCode}</span> {c.row.original.customerName}
        </span>
      ),
    }),
    col.accessor('detail', { header: t('coll.col.detail'), size: 140 }),
    col.accessor('date', { header: t('coll.col.date'), size: 100 }),
    col.accessor('amount', {
      header: t('coll.col.amount'),
      size: 120,
      meta: { align: 'right' },
      cell: (c) => <Money amount={c.getValue()} digits={c.row.original.digits} blankZero />,
    }),
    col.display({
      id: 'actions',
      header: t('coll.col.actions'),
      size: 300,
      cell: (c) => {
        const item = c.row.original;
        return (
          <span className="coll-actions">
            <button type="button" className="small" data-action="log-call" onClick={() => act({ kind: 'contact', item })}>
              {t('coll.action.call')}
            </button>
            <button type="button" className="small" data-action="record-promise" onClick={() => act({ kind: 'promise', item })}>
              {t('coll.action.promise')}
            </button>
            <button type="button" className="small" data-action="next-letter" onClick={() => act({ kind: 'letter', item })}>
              {t('coll.action.letter')}
            </button>
          </span>
        );
      },
    }),
  ];
}
