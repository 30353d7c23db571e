/**
 * Chinese capital numerals for amounts (大写金额), as written on cheques, IOUs and statements:
 * 壹万贰仟叁佰肆拾伍元陆角柒分, 壹仟零伍元整, 壹拾万元整. The forms follow the People's Bank
 * rules for capital amounts (《支付结算办法》附一): one 零 for any run of zeros inside the yuan part,
 * 整 after 元 (and after 角) when the amount has no 分, 壹拾 (never bare 拾) for tens.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const IN_GROUP = ['', '拾', '佰', '仟'];
const GROUP = ['', '万', '亿', '万亿'];

/** One group of up to four digits, without leading or trailing 零 (the caller joins groups). */
function group4(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out) pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d] + IN_GROUP[pos];
  }
  return out;
}

/** The yuan part: groups of four digits joined with 万 / 亿, one 零 where zeros separate them. */
export function integerToCapital(value: bigint): string {
  if (value === 0n) return '零';
  const groups: number[] = [];
  for (let v = value; v > 0n; v /= 10000n) groups.push(Number(v % 10000n));
  if (groups.length > GROUP.length) throw new RangeError('amount too large for capital numerals');
  let out = '';
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i];
    if (g === 0) continue;
    // A gap of zeros before this group (a zero group, or a group below 1000) reads as one 零.
    const higherWritten = out !== '';
    const gapAbove = higherWritten && (g < 1000 || groups[i + 1] === 0);
    if (gapAbove && !out.endsWith('零')) out += '零';
    out += group4(g) + GROUP[i];
  }
  return out;
}

/**
 * Minor units (分) of a two-digit currency to capital numerals. `prefix` is typically 人民币.
 * Currencies without minor units (digits 0) read whole units only.
 */
export function amountInWordsZh(minor: number, digits = 2, prefix = ''): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`not an amount: ${minor}`);
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const scale = 10n ** BigInt(digits);
  const yuan = abs / scale;
  const frac = abs % scale;
  // Only 角 and 分 have names; a currency with more digits rounds nothing here but shows 角分 of the first two.
  const jiao = digits >= 1 ? Number((frac * 10n) / scale) % 10 : 0;
  const fen = digits >= 2 ? Number((frac * 100n) / scale) % 10 : 0;
  let out = negative ? '负' : '';
  out += prefix;
  if (yuan > 0n || (jiao === 0 && fen === 0)) out += integerToCapital(yuan) + '元';
  if (jiao === 0 && fen === 0) return out + '整';
  if (jiao > 0) out += DIGITS[jiao] + '角';
  else if (yuan > 0n) out += '零'; // 壹元零伍分
  if (fen > 0) out += DIGITS[fen] + '分';
  else out += '整';
  return out;
}
