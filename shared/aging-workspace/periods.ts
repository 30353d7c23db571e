import { addDays, fromDayNumber, monthEnd, toDayNumber } from '../dates';

/** The last month end strictly before the as-of date's month (2026-11-24 → 2026-10-31; 2026-10-31 → 2026-09-30). */
export function previousMonthEnd(asOf: string): string {
  return monthEnd(addDays(asOf.slice(0, 8) + '01', -1));
}

/**
 * Due and invoice dates of the invoice view, rebuilt from day counts (the view sends days
 * overdue and terms, not two date strings per invoice). A ledger has a few thousand distinct
 * dates, so each is formatted once.
 */
export class InvoiceDates {
  private readonly base: number;
  private readonly seen = new Map<number, string>();

  constructor(asOf: string) {
    this.base = toDayNumber(asOf);
  }

  private iso(day: number): string {
    let s = this.seen.get(day);
    if (s === undefined) this.seen.set(day, (s = fromDayNumber(day)));
    return s;
  }

  dueDate(days: number): string {
    return this.iso(this.base - days);
  }

  date(days: number, terms: number): string {
    return this.iso(this.base - days - terms);
  }
}
