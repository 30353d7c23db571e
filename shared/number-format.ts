/**
 * How amounts are shown on screen (a ledger setting): which mark groups thousands and which one
 * separates the fraction. Amounts stay integers of minor units; this is only their text. Copy
 * (TSV) and XLSX export keep plain numbers, and PDFs keep their own language's formatting.
 */
import { normaliseAmount, type DecimalMark } from './amount-text';
import type { Language } from './domain';
import { formatMoney, parseMoney, toDecimalString, type ParseMoneyResult } from './money';

/** The styles a user can pick, plus 'auto': follow the interface language. */
export const NUMBER_STYLES = ['comma_point', 'point_comma', 'space_comma', 'apostrophe_point'] as const;
export type NumberStyle = (typeof NUMBER_STYLES)[number];
export const NUMBER_FORMATS = ['auto', ...NUMBER_STYLES] as const;
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

export const DEFAULT_NUMBER_FORMAT: NumberFormat = 'auto';

/** What each language writes: both English and Chinese group with commas and use a decimal point. */
export const LANGUAGE_STYLE: Record<Language, NumberStyle> = { en: 'comma_point', zh: 'comma_point' };

/** Grouping and decimal marks of each style. The space is a no-break space, so an amount never wraps. */
export const STYLE_MARKS: Record<NumberStyle, { group: string; decimal: DecimalMark }> = {
  comma_point: { group: ',', decimal: '.' },
  point_comma: { group: '.', decimal: ',' },
  space_comma: { group: '\u00a0', decimal: ',' },
  apostrophe_point: { group: "'", decimal: '.' },
};

export function isNumberFormat(v: unknown): v is NumberFormat {
  return typeof v === 'string' && (NUMBER_FORMATS as readonly string[]).includes(v);
}

export function resolveStyle(format: NumberFormat, lang: Language): NumberStyle {
  return format === 'auto' ? LANGUAGE_STYLE[lang] : format;
}

/** Minor units as display text in a style: 123456 with 2 digits → "1.234,56" (point_comma); negatives "-1.234,56". */
export function formatAmountIn(style: NumberStyle, amount: number, digits = 2): string {
  return formatMoney(amount, digits, STYLE_MARKS[style]);
}

/** An amount for an input field in a style: no grouping, the style's decimal mark ("1234,50"). */
export function amountForInputIn(style: NumberStyle, amount: number, digits = 2): string {
  const plain = toDecimalString(amount, digits);
  return STYLE_MARKS[style].decimal === ',' ? plain.replace('.', ',') : plain;
}

/**
 * Text typed into an amount field, read in a style, as the plain decimal string the API takes
 * ("1.234,56" → "1234.56"). Uses the importer's reader, so grouping, currency signs and
 * full-width digits are accepted the same way; null when the text cannot be read in this style.
 */
export function readAmountIn(style: NumberStyle, text: string): string | null {
  if (text.trim() === '') return null;
  return normaliseAmount(text, STYLE_MARKS[style].decimal);
}

/** Typed text straight to minor units (filters, live line totals); more decimals than `digits` is an error. */
export function parseAmountIn(style: NumberStyle, text: string, digits = 2): ParseMoneyResult {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  const plain = readAmountIn(style, text);
  return plain === null ? { ok: false, reason: 'format' } : parseMoney(plain, digits);
}
