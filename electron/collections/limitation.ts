/**
 * The limitation period (诉讼时效): by default three years counted from the due date, restarted
 * by each interrupting event (a signed statement or IOU, a written or recorded promise, a part
 * payment, a demand letter with proof of sending). Pure: the events are gathered elsewhere.
 */
import { daysBetween } from '../../shared/dates';
import type { LimitationRestart, LimitationStatus } from '../../shared/api/collections-types';

/** The same calendar day `years` later; 29 February falls back to 28 February. */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const ny = y + years;
  const leap = (ny % 4 === 0 && ny % 100 !== 0) || ny % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(ny).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function limitationStatus(
  dueDate: string,
  interruptions: readonly LimitationRestart[],
  asOf: string,
  years: number,
  warnDays: number,
): LimitationStatus {
  let restart: LimitationRestart = { date: dueDate, kind: 'due_date', label: '' };
  // In date order, so an event after expiry cannot revive an expired period.
  for (const e of byDate(interruptions)) {
    if (e.date > asOf || e.date <= restart.date) continue;
    if (e.date > addYears(restart.date, years)) continue;
    restart = e;
  }
  const expires = addYears(restart.date, years);
  const daysLeft = daysBetween(asOf, expires);
  const state = daysLeft < 0 ? 'expired' : daysLeft <= warnDays ? 'warning' : 'ok';
  return { expires, daysLeft, restartedBy: restart, state };
}

/** Sort helper: events in date order (limitationStatus expects them so). */
export function byDate<T extends { date: string }>(list: readonly T[]): T[] {
  return [...list].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
