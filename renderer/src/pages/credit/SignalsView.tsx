import { createColumnHelper } from '@tanstack/react-table';
import { useMemo } from 'react';
import { creditText } from '../../../../shared/credit/messages';
import type { CreditRow } from '../../../../shared/credit/types';
import { DataGrid } from '../../components/DataGrid';
import { useI18n } from '../../i18n';
import { GradeBadge } from './bits';

/** Customers whose behaviour worsened: payments later, orders down, promises broken, statements disputed. */
export function SignalsView(props: { rows: CreditRow[]; onOpen(customerId: number): void }) {
  const { t, lang } = useI18n();
  const rows = useMemo(() => props.rows.filter((r) => r.signals.length > 0), [props.rows]);
  const columns = useMemo(() => {
    const col = createColumnHelper<CreditRow>();
    return [
      col.accessor('code', { header: t('credit.col.code'), size: 84 }),
      col.accessor('name', { header: t('credit.col.name'), size: 220 }),
      col.accessor('salesperson', { header: t('credit.col.salesperson'), size: 96, meta: { kind: 'set' } }),
      col.accessor('grade', { header: t('credit.col.grade'), size: 64, meta: { kind: 'set', align: 'center' }, cell: (c) => <GradeBadge grade={c.getValue()} manual={c.row.original.manual} computed={c.row.original.computedGrade} /> }),
      col.accessor((r) => r.signals.map((s) => creditText(lang, s.key, s.params)).join('; '), { id: 'signals', header: t('credit.signals.col'), size: 620 }),
    ];
  }, [t, lang]);
  return (
    <DataGrid<CreditRow>
      gridId="credit-signals"
      label={t('credit.signals.col')}
      data={rows}
      columns={columns}
      getRowId={(r) => String(r.customerId)}
      onRowActivate={(r) => props.onOpen(r.customerId)}
      emptyText={t('credit.signals.empty')}
    />
  );
}
