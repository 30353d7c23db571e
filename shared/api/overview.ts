/**
 * The Overview (概览): headline figures, the aging trend by month end, the top debtors and
 * collections against targets, in one request. Amounts are integers of minor units; each currency
 * has its own block, and a ledger with customers in other currencies also gets the whole ledger in
 * the base currency (`all`), each document at the rate recorded with it.
 */
import { z } from 'zod';
import { isIsoDate } from '../dates';
import { isoDate, op } from './common';

const overviewGet = z.object({
  asOf: isoDate.refine((s) => isIsoDate(s) && s >= '1900-01-01', 'error.date').optional(),
  months: z.number().int().min(1).max(24).default(12),
});

/** Open receivables per aging bucket at one date (a month end, or the as-of date last). */
export interface OverviewBucketsAt {
  date: string;
  /** Per bucket of `Overview.bounds` (one more than bounds). */
  buckets: number[];
  total: number;
}

export interface OverviewDebtor {
  customerId: number;
  code: string;
  name: string;
  /** Open invoices not yet due on the as-of date (due date on or after it). */
  notDue: number;
  overdue: number;
  total: number;
  /** Days past due of the oldest open invoice (0 when none is due). */
  oldestDays: number;
}

/** One month of collections: the targets set for it and what came in (Collections → Targets). */
export interface OverviewTargetMonth {
  /** 'YYYY-MM' */
  period: string;
  from: string;
  to: string;
  /** Sum of the customers' targets for the month. */
  target: number;
  /** Receipts of the customers that have a target for the month. */
  collected: number;
  /** Every receipt of the month, with or without a target. */
  collectedAll: number;
  customersWithTarget: number;
}

export interface OverviewSalesperson {
  salesperson: string;
  target: number;
  collected: number;
}

/** Everything the Overview shows for one currency. */
export interface OverviewCurrency {
  currency: string;
  digits: number;
  /** Open invoices on the as-of date (gross of unapplied credit, as in the aging). */
  open: number;
  overdue: number;
  /** overdue / open, 4 decimals; null when nothing is open. */
  overdueRatio: number | null;
  /** Credit sales of the DSO period (invoices less their reversals). */
  sales: number;
  /** open / sales × days of the DSO period, 1 decimal; null without sales. */
  dso: number | null;
  customersOpen: number;
  /** Month ends ascending, the as-of date last. */
  trend: OverviewBucketsAt[];
  /** The 10 largest open balances, largest first. */
  topDebtors: OverviewDebtor[];
  /** The as-of date's month last. */
  targets: OverviewTargetMonth[];
  /** The as-of date's month, per salesperson of the customers with a target. */
  salespeople: OverviewSalesperson[];
}

/** The whole ledger in the base currency (`currency` is the base currency). */
export interface OverviewAll extends OverviewCurrency {
  /** Documents in other currencies without a recorded rate (posted before rates were kept), counted as 0. */
  unrated: number;
  /** Targets in other currencies without a rate on or before their month's last day, counted as 0. */
  targetsUnrated: number;
}

export interface Overview {
  asOf: string;
  baseCurrency: string;
  /** Bucket bounds of the aging workspace's settings. */
  bounds: number[];
  /** DSO period: the as-of date's month up to that date (the aging workspace's default period). */
  dsoFrom: string;
  dsoTo: string;
  /** The base currency first, then the others by code. */
  currencies: OverviewCurrency[];
  /**
   * The whole ledger in the base currency, when some customers are in another currency (null
   * otherwise): documents in other currencies at the rate recorded with each (rounded per document);
   * targets at the latest rate on or before the month's last day.
   */
  all: OverviewAll | null;
  /** Time main spent on this answer. */
  millis: number;
}

export const overviewOps = {
  'overview-get': op<typeof overviewGet, Overview>(overviewGet),
};
