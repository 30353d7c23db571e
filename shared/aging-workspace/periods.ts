import { addDays, monthEnd } from '../dates';

/** The last month end strictly before the as-of date's month (2026-11-24 → 2026-10-31; 2026-10-31 → 2026-09-30). */
export function previousMonthEnd(asOf: string): string {
  return monthEnd(addDays(asOf.slice(0, 8) + '01', -1));
}
