/** Aging buckets by days overdue (as-of date minus due date). */
export const BUCKETS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd91_180', 'd181_365', 'over_365'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Upper bound (inclusive) of days overdue for each bucket, in order; the last is open-ended. */
export const BUCKET_UPPER: readonly number[] = [0, 30, 60, 90, 180, 365];

export function bucketIndex(daysOverdue: number): number {
  for (let i = 0; i < BUCKET_UPPER.length; i++) if (daysOverdue <= BUCKET_UPPER[i]) return i;
  return BUCKETS.length - 1;
}

export function bucketOf(daysOverdue: number): Bucket {
  return BUCKETS[bucketIndex(daysOverdue)];
}

export type BucketAmounts = Record<Bucket, number>;

export function emptyBuckets(): BucketAmounts {
  return { not_due: 0, d1_30: 0, d31_60: 0, d61_90: 0, d91_180: 0, d181_365: 0, over_365: 0 };
}
