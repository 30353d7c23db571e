/**
 * Values as people type them, brought to the canonical forms the importer validates: amounts to
 * plain decimal strings ("-1234.56"), dates to ISO, terms to a number of days, currencies to ISO
 * codes. Each normaliser returns null when it cannot read the value, so the validator reports the
 * original text. Fast paths first: a canonical file pays almost nothing.
 */
import { halfWidth, type DecimalMark } from '../../shared/amount-text';
import { fromDayNumber, isIsoDate, toDayNumber } from '../../shared/dates';

export type DateOrder = 'ymd' | 'dmy' | 'mdy';
export type { DecimalMark } from '../../shared/amount-text';
// The amount reader lives in shared/ so the renderer's amount fields read text exactly as imports do.
export { halfWidth, normaliseAmount } from '../../shared/amount-text';

/** Text cells: trimmed, including the ideographic space and no-break spaces. */
export function cleanText(s: string): string {
  return s.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, '');
}

/** Codes and numbers (customer codes, invoice numbers): half-width and trimmed. */
export function cleanCode(s: string): string {
  return cleanText(halfWidth(s));
}

/**
 * Which mark is the decimal one in a column of amounts: "1.234,56" and "12,5" vote for the comma,
 * "1,234.56" and "12.5" for the point; "1,234" alone says nothing. The point wins ties.
 */
export function detectDecimal(values: Iterable<string>): DecimalMark {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const s = halfWidth(raw).replace(/[^\d.,]/g, '');
    const lastComma = s.lastIndexOf(',');
    const lastPoint = s.lastIndexOf('.');
    if (lastComma >= 0 && lastPoint >= 0) {
      if (lastComma > lastPoint) comma++;
      else point++;
    } else if (lastComma >= 0) {
      if (s.indexOf(',') !== lastComma) continue; // 1,234,567: grouping either way
      if (s.length - lastComma - 1 !== 3) comma++;
    } else if (lastPoint >= 0) {
      if (s.indexOf('.') !== lastPoint) comma++; // 1.234.567 groups with points
      else if (s.length - lastPoint - 1 !== 3) point++;
    }
  }
  return comma > point ? ',' : '.';
}

/** Days between 1970-01-01 and Excel's day 0 (1899-12-30 after its 1900 leap-year bug; 1904-01-01). */
const EPOCH_1900 = -25569;
const EPOCH_1904 = -24107;

/** An Excel serial day number to an ISO date; the time of day (fraction) is dropped. */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const day = Math.floor(serial);
  if (date1904) return fromDayNumber(EPOCH_1904 + day);
  // 1900 system: serial 60 is the fictitious 1900-02-29; before it, days are one off.
  if (day === 60) return null;
  return fromDayNumber((day < 60 ? EPOCH_1900 + 1 : EPOCH_1900) + day);
}

export function isoToExcelSerial(iso: string, date1904 = false): number {
  const day = toDayNumber(iso);
  return date1904 ? day - EPOCH_1904 : day - EPOCH_1900;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isIsoDate(s) ? s : null;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length <= 2 ? (n < 70 ? 2000 + n : 1900 + n) : n;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMERIC_DMY = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})$/;

/**
 * 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日, 20260301, 01/03/2026 (day or month first by
 * `order`), 1-Mar-2026, Mar 1, 2026, and Excel serial numbers (1900 or 1904 system). A time of
 * day after the date is ignored.
 */
export function normaliseDate(raw: string, order: DateOrder = 'dmy', date1904 = false): string | null {
  let s = raw.trim();
  if (ISO_DATE.test(s)) return isIsoDate(s) ? s : null;
  s = halfWidth(s).trim().replace(/(?:[ T]|(?<=日))\s*\d{1,2}[:时]\d{2}(?:[:分]\d{2}(?:\.\d+)?秒?)?(?:\s*[AP]M)?$/i, '').trim();
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = NUMERIC_DMY.exec(s);
  if (m) {
    const y = fullYear(m[3]);
    return order === 'mdy' ? iso(y, +m[1], +m[2]) : iso(y, +m[2], +m[1]);
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m && +m[1] >= 1900 && +m[1] <= 2199) return iso(+m[1], +m[2], +m[3]);
  if (/^\d{1,7}(\.\d+)?$/.test(s)) return excelSerialToIso(Number(s), date1904);
  m = /^(\d{1,2})[-\s]+([A-Za-z]{3,9})\.?[-\s,]+(\d{4}|\d{2})$/.exec(s);
  if (m && MONTHS[m[2].toLowerCase().slice(0, 3)]) return iso(fullYear(m[3]), MONTHS[m[2].toLowerCase().slice(0, 3)], +m[1]);
  m = /^([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m && MONTHS[m[1].toLowerCase().slice(0, 3)]) return iso(+m[3], MONTHS[m[1].toLowerCase().slice(0, 3)], +m[2]);
  return null;
}

/**
 * Day-first or month-first, from a column of dates like 01/03/2026: a first part above 12 means
 * day first, a second part above 12 month first. 'ambiguous' when every value fits both;
 * null when the column has no such dates (ISO, Chinese, serials: the order does not matter).
 */
export function detectDateOrder(values: Iterable<string>): 'dmy' | 'mdy' | 'ambiguous' | null {
  let sawSlashed = false;
  let dayFirst = false;
  let monthFirst = false;
  for (const raw of values) {
    const m = NUMERIC_DMY.exec(halfWidth(raw.trim()).split(/[ T]/)[0]);
    if (!m) continue;
    sawSlashed = true;
    if (+m[1] > 12) dayFirst = true;
    if (+m[2] > 12) monthFirst = true;
  }
  if (!sawSlashed) return null;
  if (dayFirst === monthFirst) return 'ambiguous';
  return dayFirst ? 'dmy' : 'mdy';
}

/** "30", "30天", "Net 30", "N30", "月结30天", "Due on receipt" → days; null when unreadable. */
export function normaliseTerms(raw: string): string | null {
  const s = halfWidth(raw).trim();
  if (/^\d{1,4}$/.test(s)) return s;
  if (s === '') return null;
  if (/^(due on receipt|due upon receipt|cod|cash|现结|现款|货到付款|见票即付)$/i.test(s)) return '0';
  const m = /^(?:net\s*|n|月结|账期|信用期)?\s*(\d{1,4})\s*(?:天|日|days?|d)?$/i.exec(s);
  return m ? String(Number(m[1])) : null;
}

const CURRENCY_NAMES: Record<string, string> = {
  RMB: 'CNY', '人民币': 'CNY', '¥': 'CNY', '￥': 'CNY', '元': 'CNY', '本位币': '',
  '美元': 'USD', US$: 'USD', $: 'USD', '美金': 'USD',
  '港币': 'HKD', '港元': 'HKD', HK$: 'HKD',
  '欧元': 'EUR', '€': 'EUR', '英镑': 'GBP', '£': 'GBP', '日元': 'JPY', '円': 'JPY',
  '新台币': 'TWD', NT$: 'TWD', '澳元': 'AUD', '加元': 'CAD', '新加坡元': 'SGD', '澳门元': 'MOP', '韩元': 'KRW',
};

/** "人民币", "RMB", "usd", "美元" → ISO 4217 code; other text is returned upper-cased for validation. */
export function normaliseCurrency(raw: string): string {
  const s = cleanText(halfWidth(raw));
  const named = CURRENCY_NAMES[s.toUpperCase()] ?? CURRENCY_NAMES[s];
  if (named !== undefined) return named;
  const code = /^([A-Za-z]{3})\b/.exec(s); // "CNY 人民币", "USD - US Dollar"
  return code ? code[1].toUpperCase() : s.toUpperCase();
}
