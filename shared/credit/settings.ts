/**
 * Credit settings: how each factor takes points off a score of 100, the grade thresholds, the
 * hold policy, the warning-signal thresholds and the review rhythm. The defaults below are the
 * documented ones (README, "Credit"); users change them on the Credit page.
 */
import { z } from 'zod';
import { FACTORS, GRADES, REVIEW_CYCLES, type FactorId, type Grade, type ReviewCycle } from './types';

/**
 * A factor's measured value x takes `max × clamp((x − from) / (to − from), 0, 1)` points:
 * nothing up to `from`, all of `max` from `to` on, in a straight line between.
 */
export interface Ramp {
  from: number;
  to: number;
  max: number;
}

export interface CreditSettings {
  /** Payment behaviour is judged over this many months before the as-of date. */
  windowMonths: number;
  /** A payment this many days after the due date still counts as on time. */
  graceDays: number;
  /** The trend arrow compares the score with the score this many days earlier. */
  trendDays: number;
  factors: Record<FactorId, Ramp>;
  /** Minimum score of each grade; below D's minimum is E. */
  grades: { A: number; B: number; C: number; D: number };
  /** The grade of a customer without any invoice yet. */
  noHistoryGrade: Grade;
  policy: {
    /** Hold when any invoice is overdue by more than this many days (前帐未清，不谈下回交易); null: off. */
    maxOverdueDays: number | null;
    /** Hold when the exposure after the delivery would exceed the credit limit. */
    overLimit: boolean;
    /** Hold when the grade is at or below this one; null: off. */
    holdGrade: Grade | null;
    /** What a hold does: refuse deliveries, or allow limited ones (限量供货). */
    action: 'block' | 'limit';
    /** Limited supply: the largest delivery allowed while on hold, as a percentage of the credit limit. */
    limitedPct: number;
  };
  signals: {
    /** "Payments getting later": the last `recentDays` average this many more days late than before. */
    laterByDays: number;
    /** "Order volume down": the last `recentDays` invoiced this much less than the customer's own average. */
    volumeDropPct: number;
    recentDays: number;
  };
  /** Review rhythm per grade (月评、季检、年审); a customer may have its own. */
  review: Record<Grade, ReviewCycle>;
}

export const DEFAULT_CREDIT_SETTINGS: CreditSettings = {
  windowMonths: 12,
  graceDays: 5,
  trendDays: 90,
  factors: {
    daysLate: { from: 0, to: 90, max: 30 },
    lateShare: { from: 0, to: 1, max: 15 },
    overdueShare: { from: 0, to: 1, max: 15 },
    oldestOverdue: { from: 30, to: 180, max: 15 },
    utilisation: { from: 0.8, to: 1.2, max: 10 },
    partialPayments: { from: 0.1, to: 0.6, max: 5 },
    brokenPromises: { from: 0, to: 4, max: 10 },
    openDisputes: { from: 0, to: 3, max: 10 },
    volumeDrop: { from: 0.2, to: 0.8, max: 10 },
  },
  grades: { A: 85, B: 70, C: 55, D: 40 },
  noHistoryGrade: 'C',
  policy: { maxOverdueDays: 60, overLimit: true, holdGrade: 'E', action: 'block', limitedPct: 10 },
  signals: { laterByDays: 10, volumeDropPct: 40, recentDays: 90 },
  review: { A: 'yearly', B: 'quarterly', C: 'quarterly', D: 'monthly', E: 'monthly' },
};

const ramp = z
  .object({ from: z.number().min(0).max(100_000), to: z.number().min(0).max(100_000), max: z.number().min(0).max(100) })
  .refine((r) => r.to > r.from, { message: 'error.creditRamp' });
const grade = z.enum(GRADES);
const cycle = z.enum(REVIEW_CYCLES);

export const creditSettingsSchema = z
  .object({
    windowMonths: z.number().int().min(1).max(60),
    graceDays: z.number().int().min(0).max(365),
    trendDays: z.number().int().min(7).max(730),
    factors: z.object(Object.fromEntries(FACTORS.map((f) => [f, ramp])) as Record<FactorId, typeof ramp>),
    grades: z.object({ A: z.number().min(0).max(100), B: z.number().min(0).max(100), C: z.number().min(0).max(100), D: z.number().min(0).max(100) }),
    noHistoryGrade: grade,
    policy: z.object({
      maxOverdueDays: z.number().int().min(0).max(3650).nullable(),
      overLimit: z.boolean(),
      holdGrade: grade.nullable(),
      action: z.enum(['block', 'limit']),
      limitedPct: z.number().min(0).max(100),
    }),
    signals: z.object({ laterByDays: z.number().min(1).max(365), volumeDropPct: z.number().min(1).max(100), recentDays: z.number().int().min(7).max(365) }),
    review: z.object({ A: cycle, B: cycle, C: cycle, D: cycle, E: cycle }),
  })
  .refine((s) => s.grades.A > s.grades.B && s.grades.B > s.grades.C && s.grades.C > s.grades.D, { message: 'error.creditGrades', path: ['grades'] });

/** Stored settings over the defaults, so a setting added later gets its default. */
export function mergeSettings(stored: unknown): CreditSettings {
  const d = DEFAULT_CREDIT_SETTINGS;
  if (!stored || typeof stored !== 'object') return structuredClone(d);
  const s = stored as Partial<CreditSettings>;
  const merged: CreditSettings = {
    ...d,
    ...s,
    factors: { ...d.factors, ...(s.factors ?? {}) },
    grades: { ...d.grades, ...(s.grades ?? {}) },
    policy: { ...d.policy, ...(s.policy ?? {}) },
    signals: { ...d.signals, ...(s.signals ?? {}) },
    review: { ...d.review, ...(s.review ?? {}) },
  };
  const parsed = creditSettingsSchema.safeParse(merged);
  return parsed.success ? (parsed.data as CreditSettings) : structuredClone(d);
}

export function gradeFor(score: number, s: CreditSettings): Grade {
  if (score >= s.grades.A) return 'A';
  if (score >= s.grades.B) return 'B';
  if (score >= s.grades.C) return 'C';
  if (score >= s.grades.D) return 'D';
  return 'E';
}

/** True when `g` is the same as or worse than `level` (E is the worst). */
export function atOrBelow(g: Grade, level: Grade): boolean {
  return GRADES.indexOf(g) >= GRADES.indexOf(level);
}
