import { describe, expect, it } from 'vitest';
import { formatRatePercent, lateInterest, parseRatePercent } from '../../electron/collections/interest';

// Hand-computed: interest = Σ principal × days × rate / 365, rounded once, half away from zero.
describe('late interest', () => {
  it('100,000.00 at 3.65% for 30 days is exactly 300.00', () => {
    // 2026-01-31 → 2026-03-02 is 30 days (February 2026 has 28).
    const r = lateInterest({ amount: 10_000_000, dueDate: '2026-01-31', asOf: '2026-03-02', ratePpm: 36_500, changes: [] });
    expect(r.days).toBe(30);
    expect(r.interest).toBe(30_000);
  });

  it('a part payment reduces the principal from its own date', () => {
    // 10 days on 100,000.00 = 100.00; 20 days on 60,000.00 = 120.00; total 220.00.
    const r = lateInterest({ amount: 10_000_000, dueDate: '2026-01-31', asOf: '2026-03-02', ratePpm: 36_500, changes: [{ date: '2026-02-10', amount: 4_000_000 }] });
    expect(r.interest).toBe(22_000);
  });

  it('a payment on or before the due date counts from the start; one after as-of not at all', () => {
    const before = lateInterest({ amount: 10_000_000, dueDate: '2026-01-31', asOf: '2026-03-02', ratePpm: 36_500, changes: [{ date: '2026-01-20', amount: 5_000_000 }] });
    expect(before.interest).toBe(15_000);
    const after = lateInterest({ amount: 10_000_000, dueDate: '2026-01-31', asOf: '2026-03-02', ratePpm: 36_500, changes: [{ date: '2026-03-02', amount: 5_000_000 }] });
    expect(after.interest).toBe(30_000);
  });

  it('two part payments and a fully paid invoice keep the interest accrued while overdue', () => {
    // 1,000.00 due 2025-12-31 at 18.25% (0.05% a day): 10 days × 1,000 = 5.00;
    // 5 days × 600 = 1.50; then paid in full on 2026-01-15: nothing more. Total 6.50.
    const r = lateInterest({
      amount: 100_000,
      dueDate: '2025-12-31',
      asOf: '2026-02-28',
      ratePpm: 182_500,
      changes: [
        { date: '2026-01-10', amount: 40_000 },
        { date: '2026-01-15', amount: 60_000 },
      ],
    });
    expect(r.interest).toBe(650);
  });

  it('an undone allocation (negative) raises the principal again', () => {
    // 10 days on 1,000 at 0.05%/day = 5.00; the 400 payment is undone after 5 days:
    // 5 days × 1,000 (0.05 × 5 = 2.50) + 5 days × 600 (1.50) + 0 days → with undo at day 10, 20 more days × 1,000 = 10.00.
    const r = lateInterest({
      amount: 100_000,
      dueDate: '2026-01-01',
      asOf: '2026-01-31',
      ratePpm: 182_500,
      changes: [
        { date: '2026-01-06', amount: 40_000 },
        { date: '2026-01-11', amount: -40_000 },
      ],
    });
    expect(r.interest).toBe(250 + 150 + 1000);
  });

  it('rounds half away from zero, once, on the total', () => {
    // 5.00 at 36.5% for one day = exactly 0.005 → 0.01.
    expect(lateInterest({ amount: 500, dueDate: '2026-01-01', asOf: '2026-01-02', ratePpm: 365_000, changes: [] }).interest).toBe(1);
    // 4.99 → 0.00499 → 0.00.
    expect(lateInterest({ amount: 499, dueDate: '2026-01-01', asOf: '2026-01-02', ratePpm: 365_000, changes: [] }).interest).toBe(0);
    // 1,000.01 at 5% for 1 day = 0.136987… → 0.14; per-day rounding would drift, the total does not:
    // 365 days of 1,000.01 at 5% = exactly 50.0005 → 50.00 (half away only at .5 of a cent).
    expect(lateInterest({ amount: 100_001, dueDate: '2026-01-01', asOf: '2026-01-02', ratePpm: 50_000, changes: [] }).interest).toBe(14);
    expect(lateInterest({ amount: 100_001, dueDate: '2025-01-01', asOf: '2026-01-01', ratePpm: 50_000, changes: [] }).interest).toBe(5_000);
  });

  it('nothing before the due date, nothing at rate zero', () => {
    expect(lateInterest({ amount: 100_000, dueDate: '2026-03-01', asOf: '2026-02-01', ratePpm: 36_500, changes: [] }).interest).toBe(0);
    expect(lateInterest({ amount: 100_000, dueDate: '2026-01-01', asOf: '2026-02-01', ratePpm: 0, changes: [] }).interest).toBe(0);
  });

  it('parses and prints rates as percentages without floats', () => {
    expect(parseRatePercent('3.65')).toBe(36_500);
    expect(parseRatePercent('18.25')).toBe(182_500);
    expect(parseRatePercent('5.175')).toBe(51_750);
    expect(parseRatePercent('3.')).toBeNull();
    expect(parseRatePercent('-1')).toBeNull();
    expect(formatRatePercent(51_750)).toBe('5.175');
    expect(formatRatePercent(30_000)).toBe('3');
  });
});
