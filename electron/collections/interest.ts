/**
 * Late interest (滞纳金/逾期利息): simple interest per day from the due date, 365-day basis.
 * Day k in [due, asOf) accrues on the principal still open at the end of day k, so a payment
 * reduces the principal from its own date. The exact value is a fraction; it is rounded once per
 * invoice, half away from zero, to the minor unit (integer arithmetic throughout).
 */
import { daysBetween } from '../../shared/dates';
import { divRoundHalfAway } from '../../shared/money';

export const RATE_SCALE = 1_000_000n; // rates are per year in millionths
export const DAY_BASIS = 365n;

export interface PrincipalChange {
  date: string;
  /** Positive: reduces the principal (a payment or credit); negative: an undone allocation. */
  amount: number;
}

export interface InterestInput {
  amount: number;
  dueDate: string;
  asOf: string;
  ratePpm: number;
  changes: readonly PrincipalChange[];
}

export interface InterestResult {
  interest: number;
  /** Σ principal × days, before the rate: shown in the dossier's working. */
  principalDays: bigint;
  days: number;
}

export function lateInterest(input: InterestInput): InterestResult {
  const days = Math.max(0, daysBetween(input.dueDate, input.asOf));
  if (days === 0 || input.ratePpm === 0) return { interest: 0, principalDays: 0n, days };
  let principal = BigInt(input.amount);
  // Everything dated on or before the due date reduces the principal from the start.
  const later = [...input.changes].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let cursor = input.dueDate;
  let principalDays = 0n;
  for (const c of later) {
    if (c.date >= input.asOf) break;
    if (c.date > cursor) {
      principalDays += clampZero(principal) * BigInt(daysBetween(cursor, c.date));
      cursor = c.date;
    }
    principal -= BigInt(c.amount);
  }
  principalDays += clampZero(principal) * BigInt(daysBetween(cursor, input.asOf));
  const interest = divRoundHalfAway(principalDays * BigInt(input.ratePpm), RATE_SCALE * DAY_BASIS);
  return { interest: Number(interest), principalDays, days };
}

function clampZero(v: bigint): bigint {
  return v < 0n ? 0n : v;
}

/** "3.65" (% a year, up to 4 decimals) → 36500 ppm; null when not a rate. */
export function parseRatePercent(text: string): number | null {
  const m = /^(\d{1,3})(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 10_000 + Number((m[2] ?? '').padEnd(4, '0'));
}

/** 36500 → "3.65" */
export function formatRatePercent(ppm: number): string {
  const whole = Math.floor(ppm / 10_000);
  const frac = String(ppm % 10_000).padStart(4, '0').replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}
