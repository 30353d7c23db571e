/**
 * Exchange rates and base-currency amounts. A rate says how many units of the base currency one
 * unit of the document's currency is worth, kept as an exact integer of millionths
 * (7.1234 → 7_123_400). Converting is exact integer arithmetic with one rounding, half away from
 * zero, to the base currency's minor unit; never a float.
 */
import { divRoundHalfAway, parseMoney, toDecimalString } from './money';

/** Rates are stored × 1,000,000 (six decimals). */
export const RATE_DIGITS = 6;
export const RATE_SCALE = 1_000_000;
/** The largest rate accepted (1 unit worth ten million base units); keeps every product exact. */
export const MAX_RATE_PPM = 10_000_000 * RATE_SCALE;

/** "7.1234" → 7123400; null for anything that is not a positive rate with at most six decimals. */
export function parseRate(text: string): number | null {
  const s = text.trim();
  if (!/^\+?(\d+(\.\d*)?|\.\d+)$/.test(s)) return null;
  const r = parseMoney(s, RATE_DIGITS);
  if (!r.ok || r.value <= 0 || r.value > MAX_RATE_PPM) return null;
  return r.value;
}

/** 7123400 → "7.1234" (trailing zeros dropped; whole rates without a point). */
export function formatRate(ratePpm: number): string {
  return toDecimalString(ratePpm, RATE_DIGITS).replace(/\.?0+$/, '');
}

const pow10 = (n: number) => 10n ** BigInt(n);

/**
 * `amount` (minor units of a currency with `fromDigits` decimals) at `ratePpm`, in minor units of
 * the base currency (`toDigits` decimals): amount × rate / 10^6, scaled between the two minor
 * units, rounded once, half away from zero. Throws RangeError past Number.MAX_SAFE_INTEGER.
 */
export function toBaseAmount(amount: number, ratePpm: number, fromDigits: number, toDigits: number): number {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(ratePpm) || ratePpm <= 0) throw new RangeError('amount and rate must be integers, the rate positive');
  const up = Math.max(0, toDigits - fromDigits);
  const down = Math.max(0, fromDigits - toDigits);
  const v = divRoundHalfAway(BigInt(amount) * BigInt(ratePpm) * pow10(up), BigInt(RATE_SCALE) * pow10(down));
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('base amount out of range');
  return Number(v);
}
