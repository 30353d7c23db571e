/**
 * Amounts as people type them ("1,234.56", "1.234,56", "1 234,56", "1'234.56", "￥1,000", "(80.00)",
 * "１２３") brought to a plain decimal string ("-1234.56"). Shared by the importer (main) and the
 * renderer's amount fields, so a file and a form read the same text the same way.
 */

export type DecimalMark = '.' | ',';

const WIDE = /[\uFF01-\uFF5E\u3000\u2212\uFFE5]/;

/** Full-width digits, letters and punctuation (０-９, ．，－（）) and the ideographic space to ASCII. */
export function halfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E\u3000\u2212\uFFE5]/g, (c) => {
    const code = c.charCodeAt(0);
    if (code === 0x3000) return ' ';
    if (code === 0x2212) return '-';
    if (code === 0xffe5) return '¥';
    return String.fromCharCode(code - 0xfee0);
  });
}

const PLAIN_AMOUNT = /^-?\d+(\.\d+)?$/;
const POINT_DECIMAL = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?$/;
const COMMA_DECIMAL = /^(\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d+))?$/;
const SYMBOLS = /(^|\s)(RMB|CNY|USD|HKD|EUR|GBP|JPY|US\$|HK\$|NT\$|A\$|C\$|S\$)(?=\s|\d|$)|[¥￥$€£元圆]/gi;

/**
 * "1,234.56", "1.234,56", "￥1 234.56", "(1,234.56)", "1234.56-", "−5", "１２３" → "1234.56" etc.
 * `decimal` says which mark separates the fraction; the other one may group thousands (in threes).
 * Spaces (also no-break and thin ones) and apostrophes group thousands too. Null when unreadable.
 */
export function normaliseAmount(raw: string, decimal: DecimalMark = '.'): string | null {
  let s = raw.trim();
  if (decimal === '.' && PLAIN_AMOUNT.test(s)) return s;
  s = halfWidth(s).replace(SYMBOLS, '$1').replace(/[\s\u00a0\u2009\u202f']/g, '');
  if (s === '') return null;
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1);
  }
  if (s.startsWith('-')) {
    negative = !negative;
    s = s.slice(1);
  } else if (s.startsWith('+')) s = s.slice(1);
  else if (s.endsWith('-')) {
    negative = !negative;
    s = s.slice(0, -1);
  }
  const m = (decimal === '.' ? POINT_DECIMAL : COMMA_DECIMAL).exec(s);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const group = decimal === '.' ? ',' : '.';
  const int = (m[1] ?? '0').split(group).join('');
  const text = m[2] !== undefined ? `${int}.${m[2]}` : int;
  return negative && /[1-9]/.test(text) ? `-${text}` : text;
}
