/**
 * Money is an integer count of minor units (cents, 分). Never a float.
 * Decimal strings parse straight to integers; rounding is explicit (half away from zero).
 */
export type Money = number & { readonly __money: unique symbol };

const CURRENCY_DIGITS: Record<string, number> = {
  CNY: 2, USD: 2, EUR: 2, GBP: 2, HKD: 2, TWD: 2, SGD: 2, AUD: 2, CAD: 2, CHF: 2, MOP: 2,
  JPY: 0, KRW: 0, VND: 0,
};

export function currencyDigits(currency: string): number {
  return CURRENCY_DIGITS[currency.toUpperCase()] ?? 2;
}

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code);
}

/** Wrap a safe integer as Money; throws on fractions or unsafe values. */
export function money(minor: number): Money {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not a safe integer amount: ${minor}`);
  return minor as Money;
}

export const ZERO = 0 as Money;

export type ParseMoneyResult = { ok: true; value: Money } | { ok: false; reason: 'empty' | 'format' | 'precision' | 'range' };

/**
 * Parse a plain decimal string in major units ("1234.50", "-3", "0.5") into minor units.
 * More fractional digits than the currency has is an error, never silently rounded.
 */
export function parseMoney(text: string, digits = 2): ParseMoneyResult {
  const s = text.trim();
  if (s === '') return { ok: false, reason: 'empty' };
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/.exec(s) ?? /^([+-]?)()\.(\d+)$/.exec(s);
  if (!m) return { ok: false, reason: 'format' };
  const [, sign, intPart, fracRaw = ''] = m;
  const frac = fracRaw.replace(/0+$/, '');
  if (frac.length > digits) return { ok: false, reason: 'precision' };
  const digitsText = (intPart || '0') + frac.padEnd(digits, '0');
  if (digitsText.length <= 15) {
    // Fits a double exactly: plain integer conversion of the digit string, no float arithmetic.
    const small = Number(digitsText);
    return { ok: true, value: (sign === '-' && small !== 0 ? -small : small) as Money };
  }
  const big = BigInt(digitsText);
  const value = sign === '-' ? -big : big;
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, reason: 'range' };
  }
  return { ok: true, value: Number(value) as Money };
}

/** Format minor units as a plain decimal string with the currency's digits ("1234.50"). */
export function toDecimalString(amount: number, digits = 2): string {
  const neg = amount < 0;
  const abs = BigInt(Math.abs(amount)).toString();
  if (digits === 0) return (neg ? '-' : '') + abs;
  const padded = abs.padStart(digits + 1, '0');
  return (neg ? '-' : '') + padded.slice(0, -digits) + '.' + padded.slice(-digits);
}

/** Format with thousands separators for display ("1,234.50"; negatives as "-1,234.50"); other marks for the number-format setting. */
export function formatMoney(amount: number, digits = 2, marks: { group: string; decimal: string } = { group: ',', decimal: '.' }): string {
  const plain = toDecimalString(Math.abs(amount), digits);
  const [i, f] = plain.split('.');
  const grouped = i.replace(/\B(?=(\d{3})+(?!\d))/g, marks.group);
  return (amount < 0 ? '-' : '') + grouped + (f !== undefined ? marks.decimal + f : '');
}

/**
 * Divide with rounding half away from zero, in exact integer arithmetic.
 * Used wherever a product or a rate must come back to minor units.
 */
export function divRoundHalfAway(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  const neg = (numerator < 0n) !== (denominator < 0n);
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = n / d;
  const r = n % d;
  const rounded = r * 2n >= d ? q + 1n : q;
  return neg ? -rounded : rounded;
}

/** Quantities are stored in thousandths (3 decimals). */
export const QTY_SCALE = 1000;

export function parseQuantity(text: string): number | null {
  const r = parseMoney(text, 3);
  return r.ok ? r.value : null;
}

/** Line amount = quantity × unit price, rounded half away from zero to minor units. */
export function lineAmount(quantityMilli: number, unitPriceMinor: number): Money {
  const v = divRoundHalfAway(BigInt(quantityMilli) * BigInt(unitPriceMinor), BigInt(QTY_SCALE));
  return money(Number(v));
}

export function sumMoney(values: readonly number[]): Money {
  let total = 0;
  for (const v of values) total += v;
  return money(total);
}
