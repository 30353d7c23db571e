/** Credit ratings and credit control: domain types shared by main, the CLI and the renderer. */

export const GRADES = ['A', 'B', 'C', 'D', 'E'] as const;
export type Grade = (typeof GRADES)[number];

/** The scoring factors, in the order they are shown. */
export const FACTORS = [
  'daysLate',
  'lateShare',
  'overdueShare',
  'oldestOverdue',
  'utilisation',
  'partialPayments',
  'brokenPromises',
  'openDisputes',
  'volumeDrop',
] as const;
export type FactorId = (typeof FACTORS)[number];

export const REVIEW_CYCLES = ['monthly', 'quarterly', 'yearly'] as const;
export type ReviewCycle = (typeof REVIEW_CYCLES)[number];

/** A message key with its parameters: translated where it is shown (shared/credit/messages.ts). */
export interface Reason {
  key: string;
  params: Record<string, string | number>;
}

/** One factor's part in a score: its measured value and the points it takes off. */
export interface FactorResult {
  id: FactorId;
  /** The sentence that explains it (a key of shared/credit/messages.ts). */
  key: string;
  /** The measured value (days, a share 0–1, a count, a ratio), or null when it does not apply. */
  value: number | null;
  /** Points taken off the score (0 or more), already rounded. */
  points: number;
  /** What the sentence explaining it needs (amounts as decimal strings, shares as percents). */
  params: Record<string, string | number>;
}

/** The figures a rating is computed from, as of its date. Amounts in minor units. */
export interface CreditMetrics {
  openInvoices: number;
  unapplied: number;
  balance: number;
  overdue: number;
  oldestOverdueDays: number;
  oldestOverdueInvoice: string | null;
  oldestOverdueId: number | null;
  /** Open balance plus unshipped confirmed orders. */
  exposure: number;
  pendingOrders: number;
  creditLimit: number;
  /** exposure / limit, or null without a limit. */
  utilisation: number | null;
  avgDaysLate: number | null;
  /** Average days late of the payments of the last `signals.recentDays`, and of those before. */
  recentDaysLate: number | null;
  priorDaysLate: number | null;
  onTimeShare: number | null;
  partialShare: number | null;
  recentVolume: number;
  baselineVolume: number;
  brokenPromises: number;
  openDisputes: number;
}

export interface Rating {
  asOf: string;
  score: number;
  /** The grade the model computes. */
  computedGrade: Grade;
  /** The grade in force: a manual grade if one is set, else the computed one. */
  grade: Grade;
  manual: boolean;
  /** No invoice on or before the as-of date: the grade is the settings' grade for new customers. */
  noHistory: boolean;
  factors: FactorResult[];
  metrics: CreditMetrics;
}

export type HoldMode = 'block' | 'limit';

/** The answer of a credit check (the seam other features call before a delivery or a price confirmation). */
export type CreditVerdict =
  | { ok: true }
  | { ok: false; reasons: Reason[]; mode: HoldMode; allowedAmount?: number };

export interface WarningSignal {
  key: 'signal.later' | 'signal.volumeDown' | 'signal.promisesBroken' | 'signal.disputes' | 'signal.gradeDown';
  params: Record<string, string | number>;
}

/** One row of the credit grid. */
export interface CreditRow {
  customerId: number;
  code: string;
  name: string;
  salesperson: string;
  currency: string;
  digits: number;
  status: string;
  grade: Grade;
  computedGrade: Grade;
  manual: boolean;
  noHistory: boolean;
  score: number;
  /** Score this many days earlier (settings.trendDays), for the trend arrow. */
  previousScore: number;
  creditLimit: number;
  exposure: number;
  utilisation: number | null;
  overdue: number;
  oldestOverdueDays: number;
  lastReview: string | null;
  nextReview: string | null;
  reviewDue: boolean;
  hold: HoldMode | null;
  holdReasons: Reason[];
  signals: WarningSignal[];
}

export interface CreditRatingsReport {
  asOf: string;
  rows: CreditRow[];
  millis: number;
}

export interface RatingHistoryEntry {
  id: number;
  asOf: string;
  kind: 'monthly' | 'quarterly' | 'yearly' | 'manual' | 'initial';
  score: number;
  computedGrade: Grade;
  grade: Grade;
  previousGrade: Grade | null;
  reason: string;
  factors: FactorResult[];
  createdAt: string;
  createdBy: string;
}

export interface CreditOverrideEntry {
  id: number;
  context: 'delivery' | 'confirmation';
  reference: string;
  onDate: string;
  amount: number;
  reasons: Reason[];
  reason: string;
  createdAt: string;
  createdBy: string;
}

export interface CreditProfile {
  manualGrade: Grade | null;
  manualReason: string;
  manualAt: string | null;
  manualBy: string;
  reviewCycle: ReviewCycle | null;
  /** The cycle in force: the customer's own, else the one for its grade. */
  effectiveCycle: ReviewCycle;
  lastReview: string | null;
  nextReview: string | null;
}

export interface CreditDetail {
  customerId: number;
  code: string;
  name: string;
  currency: string;
  digits: number;
  rating: Rating;
  previous: Rating;
  verdict: CreditVerdict;
  signals: WarningSignal[];
  profile: CreditProfile;
  history: RatingHistoryEntry[];
  overrides: CreditOverrideEntry[];
  /** Open invoices as of the date (for the what-if panel). */
  openInvoices: { id: number; number: string; dueDate: string; open: number; daysOverdue: number }[];
}

export interface WhatIfResult {
  before: Rating;
  after: Rating;
  verdictBefore: CreditVerdict;
  verdictAfter: CreditVerdict;
  paid: number;
  paidInvoices: string[];
}
