import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import type { AllocationView, CustomerLedger, LedgerEntry } from '../../../../shared/domain';
import { DataGrid } from '../../components/DataGrid';
import { Money } from '../../components/Money';
import { useI18n, type Translate } from '../../i18n';
import { money } from '../../lib/format';

const col = createColumnHelper<LedgerEntry>();

function columns(t: Translate, digits: number, numbers: Map<number, string>, onReverse: (e: LedgerEntry) => void) {
  return [
    col.accessor('date', { header: t('ledger.date'), size: 96, meta: { kind: 'date' } }),
    col.accessor('kind', {
      header: t('ledger.kind'),
      size: 110,
      meta: { kind: 'set', label: (v: LedgerEntry['kind']) => t(`kind.${v}`) },
      cell: (c) => <span className={`kind kind-${c.getValue()}`}>{t(`kind.${c.getValue()}`)}</span>,
    }),
    col.accessor('number', {
      header: t('ledger.number'),
      size: 200,
      cell: (c) => {
        const e = c.row.original;
        return (
          <span className="doc-number">
            <span className={e.reversedById !== null ? 'struck' : undefined}>{e.number}</span>
            {e.reversedById !== null && <span className="badge reversed">{t('ledger.reversed')}</span>}
            {e.reversesId !== null && (
              <span className="note">{t('ledger.reverses', { number: numbers.get(e.reversesId) ?? `#${e.reversesId}` })}</span>
            )}
            {e.appliesToNumber && <span className="note">{t('ledger.appliesTo', { number: e.appliesToNumber })}</span>}
          </span>
        );
      },
    }),
    col.accessor('dueDate', {
      header: t('ledger.dueDate'),
      size: 96,
      meta: { kind: 'date' },
      // Only invoices fall due; other documents carry no meaningful due date.
      cell: (c) => (c.row.original.kind === 'invoice' ? (c.getValue() ?? '') : ''),
    }),
    col.accessor((e) => (e.amount > 0 ? e.amount : 0), {
      id: 'debit',
      header: t('ledger.debit'),
      size: 110,
      meta: { align: 'right', kind: 'money', digits },
      cell: (c) => <Money amount={c.getValue()} digits={digits} blankZero />,
    }),
    col.accessor((e) => (e.amount < 0 ? -e.amount : 0), {
      id: 'credit',
      header: t('ledger.credit'),
      size: 110,
      meta: { align: 'right', kind: 'money', digits },
      cell: (c) => <Money amount={c.getValue()} digits={digits} blankZero />,
    }),
    col.accessor('balance', {
      header: t('ledger.balance'),
      size: 120,
      meta: { align: 'right', kind: 'money', digits, sum: false },
      cell: (c) => <Money amount={c.getValue()} digits={digits} />,
    }),
    col.accessor('open', {
      header: t('ledger.open'),
      size: 110,
      meta: { align: 'right', kind: 'money', digits },
      cell: (c) => <Money amount={c.getValue()} digits={digits} blankZero />,
    }),
    col.display({
      id: 'actions',
      header: t('ledger.actions'),
      size: 80,
      meta: { align: 'center', noExport: true },
      cell: (c) => {
        const e = c.row.original;
        if (e.kind === 'reversal' || e.reversedById !== null) return null;
        return (
          <button type="button" className="link-button" data-action="reverse" onClick={() => onReverse(e)}>
            {t('action.reverse')}
          </button>
        );
      },
    }),
  ];
}

/** One customer's documents in order with the running balance; allocations open under each. */
export function LedgerGrid(props: { ledger: CustomerLedger; onReverse(e: LedgerEntry): void }) {
  const { t } = useI18n();
  const { ledger, onReverse } = props;
  const numbers = useMemo(() => new Map(ledger.entries.map((e) => [e.id, e.number])), [ledger]);
  const cols = useMemo(() => columns(t, ledger.digits, numbers, onReverse), [t, ledger.digits, numbers, onReverse]);
  return (
    <DataGrid<LedgerEntry, AllocationView>
      gridId="customer-ledger"
      label={t('ledger.title')}
      className="ledger-grid"
      startAtEnd
      data={ledger.entries}
      columns={cols}
      getRowId={(e) => String(e.id)}
      getSubItems={(e) => e.allocations}
      renderSubItem={(a) => (
        <span className="allocation">
          <span>{t('ledger.allocation', { date: a.date })}</span>
          <span className={`kind kind-${a.otherKind}`}>{t(`kind.${a.otherKind}`)}</span>
          <span>{a.otherNumber}</span>
          <span className="money">{money(a.amount, ledger.digits)}</span>
        </span>
      )}
      rowClassName={(e) => (e.reversedById !== null || e.kind === 'reversal' ? 'reversed-row' : '')}
      emptyText={t('ledger.empty')}
    />
  );
}
