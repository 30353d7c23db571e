import { memo, type ReactNode } from 'react';
import { Money } from '../Money';
import type { ColSlot, RowFrame } from './frame';

function TotalsRowImpl<T>(props: { frame: RowFrame<T>; totals: Record<string, number>; digits: number; label: string; rowIndex: number }) {
  const { frame } = props;
  const first = frame.pinned[0] ?? frame.center[0];
  const one = (slot: ColSlot<T>) => {
    const meta = slot.col.columnDef.meta;
    let content: ReactNode = null;
    if (meta?.footer !== undefined) content = meta.footer;
    else if (props.totals[slot.col.id] !== undefined) {
      const sum = props.totals[slot.col.id];
      content = meta?.kind === 'money' ? <Money amount={sum} digits={props.digits} /> : String(sum);
    } else if (slot === first) content = props.label;
    return (
      <div
        key={slot.col.id}
        role="gridcell"
        aria-colindex={slot.c + 1}
        data-column={slot.col.id}
        className={`grid-cell xg-cell align-${meta?.align ?? 'left'}${slot.left !== undefined ? ' xg-pinned' : ''}`}
        style={{ width: slot.width }}
      >
        {content}
      </div>
    );
  };
  return (
    <div role="row" aria-rowindex={props.rowIndex} className="grid-row xg-row totals-row" style={{ width: frame.width }}>
      {frame.pinned.map(one)}
      {frame.spacer > 0 && <div className="xg-spacer" style={{ width: frame.spacer }} aria-hidden />}
      {frame.center.map(one)}
    </div>
  );
}

/** The totals row of the current view (filters applied): sums of summed columns, or a column's fixed footer. */
export const TotalsRow = memo(TotalsRowImpl) as typeof TotalsRowImpl;
