/**
 * Amounts in English words, cheque style: "One Thousand Two Hundred Thirty-Four and 56/100".
 * Exact integer arithmetic; minor units are written as a fraction so nothing is rounded.
 */
const ONES = ['Zero', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine', 'Ten', 'Eleven', 'Twelve', 'Thirteen', 'Fourteen', 'Fifteen', 'Sixteen', 'Seventeen', 'Eighteen', 'Nineteen'];
const TENS = ['', '', 'Twenty', 'Thirty', 'Forty', 'Fifty', 'Sixty', 'Seventy', 'Eighty', 'Ninety'];
const SCALES = ['', 'Thousand', 'Million', 'Billion', 'Trillion', 'Quadrillion'];

function below1000(n: number): string {
  const parts: string[] = [];
  if (n >= 100) {
    parts.push(`${ONES[Math.floor(n / 100)]} Hundred`);
    n %= 100;
  }
  if (n >= 20) parts.push(TENS[Math.floor(n / 10)] + (n % 10 ? `-${ONES[n % 10]}` : ''));
  else if (n > 0) parts.push(ONES[n]);
  return parts.join(' ');
}

export function integerToWords(value: bigint): string {
  if (value === 0n) return ONES[0];
  const groups: number[] = [];
  for (let v = value; v > 0n; v /= 1000n) groups.push(Number(v % 1000n));
  if (groups.length > SCALES.length) throw new RangeError('amount too large for words');
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue;
    parts.push(below1000(groups[i]) + (SCALES[i] ? ` ${SCALES[i]}` : ''));
  }
  return parts.join(' ');
}

/** "USD One Hundred and 05/100 Only"; `currency` is printed first when given. */
export function amountInWordsEn(minor: number, digits = 2, currency = ''): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an amount: ${minor}`);
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const whole = integerToWords(abs / scale);
  const frac = digits > 0 ? ` and ${String(abs % scale).padStart(digits, '0')}/${scale}` : '';
  return `${currency ? currency + ' ' : ''}${negative ? 'Minus ' : ''}${whole}${frac} Only`;
}
