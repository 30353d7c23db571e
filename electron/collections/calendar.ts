/**
 * Good moments to collect: the last week of a month, the last week of a quarter, and the two
 * weeks before Spring Festival (春节), when companies settle accounts before the holiday.
 */
import { addDays, monthEnd } from '../../shared/dates';
import type { GoodMoment } from '../../shared/api/collections-types';

/** Spring Festival (first day of the lunar year), 2024–2035. */
export const SPRING_FESTIVAL: Record<number, string> = {
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
  2031: '2031-01-23',
  2032: '2032-02-11',
  2033: '2033-01-31',
  2034: '2034-02-19',
  2035: '2035-02-08',
};

export const PRE_FESTIVAL_DAYS = 14;
export const PERIOD_END_DAYS = 7;

export function goodMoments(date: string): GoodMoment[] {
  const out: GoodMoment[] = [];
  const end = monthEnd(date);
  const from = addDays(end, -(PERIOD_END_DAYS - 1));
  if (date >= from) {
    const month = Number(date.slice(5, 7));
    out.push({ kind: month % 3 === 0 ? 'quarter_end' : 'month_end', from, to: end });
  }
  const year = Number(date.slice(0, 4));
  for (const y of [year, year + 1]) {
    const day = SPRING_FESTIVAL[y];
    if (!day) continue;
    const start = addDays(day, -PRE_FESTIVAL_DAYS);
    if (date >= start && date < day) out.push({ kind: 'spring_festival', from: start, to: addDays(day, -1), holiday: day });
  }
  return out;
}
