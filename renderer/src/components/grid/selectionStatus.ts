/** "Selected n cells · Sum x" for the status bar: the sum of the amounts in the range, like a spreadsheet. */
import { formatAmount } from '../../lib/format';
import type { Translate } from '../../i18n';
import type { Range } from './engine/selection';
import type { ViewItem } from './engine/types';
import type { ValueCache } from './engine/values';

export function selectionStatus<T>(cache: ValueCache<T>, items: readonly ViewItem[], visible: { id: string }[], range: Range | null, digits: number, t: Translate): string | null {
  if (!range) return null;
  const cells = (range.r1 - range.r0 + 1) * (range.c1 - range.c0 + 1);
  if (cells < 2) return null;
  let sum = 0;
  let amounts = 0;
  for (let c = range.c0; c <= range.c1; c++) {
    const col = visible[c] && cache.column(visible[c].id);
    if (!col || col.kind !== 'money') continue;
    const values = cache.values(col.id);
    for (let r = range.r0; r <= range.r1; r++) {
      const item = items[r];
      if (item?.kind === 'row' && typeof values[item.index] === 'number') {
        sum += values[item.index] as number;
        amounts++;
      }
    }
  }
  const base = t('grid.selection', { cells });
  return amounts ? `${base} · ${t('grid.selectionSum', { sum: formatAmount(sum, digits) })}` : base;
}
