/** Expected recovery and the implied bad-debt provision per bucket, in exact integer arithmetic. */
import { divRoundHalfAway } from '../money';

export interface RecoveryLine {
  bucket: number;
  amount: number;
  recoveryBp: number;
  /** amount × rate, rounded half away from zero to minor units. */
  expected: number;
  /** amount − expected. */
  provision: number;
}

export function recoveryLines(bucketTotals: readonly number[], recoveryBp: readonly number[]): { lines: RecoveryLine[]; expected: number; provision: number } {
  const lines = bucketTotals.map((amount, bucket) => {
    const bp = recoveryBp[bucket] ?? 10000;
    const expected = Number(divRoundHalfAway(BigInt(amount) * BigInt(bp), 10000n));
    return { bucket, amount, recoveryBp: bp, expected, provision: amount - expected };
  });
  return {
    lines,
    expected: lines.reduce((s, l) => s + l.expected, 0),
    provision: lines.reduce((s, l) => s + l.provision, 0),
  };
}
