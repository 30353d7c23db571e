/**
 * Aging workspace settings: bucket bounds, the day thresholds of the collection classes and the
 * expected recovery per bucket. Pure: used by main (computation) and the renderer (labels, editing).
 */

/** Collection classes (DOMAIN.md): 未收款, 催收款, 准呆账, 呆账, 死账. */
export const CLASSES = ['not_due', 'collecting', 'doubtful', 'bad', 'dead'] as const;
export type CollectionClass = (typeof CLASSES)[number];

export interface AgingSettings {
  /**
   * Inclusive upper bounds of days overdue, ascending; one bucket more than bounds (the last is
   * open-ended). The first bound 0 makes the first bucket "not yet due".
   */
  bucketBounds: number[];
  /** Upper bounds (days overdue) of 催收款, 准呆账 and 呆账; beyond the last, 死账. Not yet due is ≤ 0. */
  classBounds: [number, number, number];
  /** Expected recovery of each bucket, in basis points (8000 = 80%). */
  recoveryBp: number[];
}

/** The foundation's buckets (`arw aging`), with "over 365" split at two years for the 80/20 rule. */
export const DEFAULT_BUCKET_BOUNDS = [0, 30, 60, 90, 180, 365, 730];
export const FOUNDATION_BUCKET_BOUNDS = [0, 30, 60, 90, 180, 365];
export const TWO_YEARS = 730;

/**
 * DOMAIN.md: about 80% of debts under two years old are recovered, about 20% of older ones.
 * A bucket whose debts are all older than two years gets 20%, every other bucket 80%.
 */
export function ruleRecovery(bounds: readonly number[]): number[] {
  return Array.from({ length: bounds.length + 1 }, (_, i) => {
    const lowest = i === 0 ? -Infinity : bounds[i - 1] + 1;
    return lowest > TWO_YEARS ? 2000 : 8000;
  });
}

export const DEFAULT_SETTINGS: AgingSettings = {
  bucketBounds: DEFAULT_BUCKET_BOUNDS,
  classBounds: [90, 365, 730],
  recoveryBp: ruleRecovery(DEFAULT_BUCKET_BOUNDS),
};

export type SettingsProblem = 'bounds' | 'classBounds' | 'recovery';

/** Why settings cannot be used, or null: bounds strictly ascending from ≥ 0, rates 0–100%. */
export function settingsProblem(s: AgingSettings): SettingsProblem | null {
  const b = s.bucketBounds;
  if (b.length < 1 || b.length > 15 || b[0] < 0 || b.some((x, i) => !Number.isInteger(x) || (i > 0 && x <= b[i - 1]))) return 'bounds';
  const c = s.classBounds;
  if (c.length !== 3 || c[0] < 1 || c.some((x, i) => !Number.isInteger(x) || (i > 0 && x <= c[i - 1]))) return 'classBounds';
  if (s.recoveryBp.length !== b.length + 1 || s.recoveryBp.some((r) => !Number.isInteger(r) || r < 0 || r > 10000)) return 'recovery';
  return null;
}

/** Index of the bucket of an item `days` overdue (negative or zero: not yet due). */
export function bucketOfDays(days: number, bounds: readonly number[]): number {
  for (let i = 0; i < bounds.length; i++) if (days <= bounds[i]) return i;
  return bounds.length;
}

/** Collection class by days overdue (before any manual override). */
export function classOfDays(days: number, bounds: readonly [number, number, number]): CollectionClass {
  if (days <= 0) return 'not_due';
  if (days <= bounds[0]) return 'collecting';
  if (days <= bounds[1]) return 'doubtful';
  if (days <= bounds[2]) return 'bad';
  return 'dead';
}

/** Days-overdue range of bucket i: [from, to] with to null for the open-ended last one. */
export function bucketRange(i: number, bounds: readonly number[]): { from: number | null; to: number | null } {
  return { from: i === 0 ? null : bounds[i - 1] + 1, to: i < bounds.length ? bounds[i] : null };
}
