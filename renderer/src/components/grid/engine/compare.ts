/** Orderings: text by the Chinese-aware collator (numbers inside text in numeric order), numbers numerically. */
import type { ValueKind } from './types';

export const collator = new Intl.Collator('zh-Hans-CN', { numeric: true, sensitivity: 'base' });

/**
 * A rank per row such that comparing ranks compares values: unique values are sorted once, so a
 * 100,000-row sort compares integers instead of calling the collator millions of times.
 */
export function ranks(values: readonly unknown[], kind: ValueKind): Float64Array {
  const out = new Float64Array(values.length);
  // Numbers in a column declared as text still sort as numbers.
  if (kind === 'money' || kind === 'number' || (values.length > 0 && values.every((v) => typeof v === 'number' || v === null || v === undefined))) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out[i] = typeof v === 'number' && !Number.isNaN(v) ? v : -Infinity;
    }
    return out;
  }
  const unique = [...new Set(values.map((v) => (v === null || v === undefined ? '' : String(v))))];
  if (kind === 'date') unique.sort();
  else unique.sort(collator.compare);
  const rank = new Map(unique.map((v, i) => [v, i]));
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = rank.get(v === null || v === undefined ? '' : String(v))!;
  }
  return out;
}
