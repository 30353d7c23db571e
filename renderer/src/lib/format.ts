import { useSyncExternalStore } from 'react';
import type { Language } from '../../../shared/domain';
import { currencyDigits, type ParseMoneyResult } from '../../../shared/money';
import { amountForInputIn, DEFAULT_NUMBER_FORMAT, formatAmountIn, parseAmountIn, readAmountIn, resolveStyle, type NumberFormat, type NumberStyle } from '../../../shared/number-format';

export { currencyDigits };

/**
 * The one place the renderer turns amounts into text and typed text into amounts, in the ledger's
 * number format (Settings). The Shell loads the setting before any page renders and keeps the
 * interface language in step ("follow the language"). Copy (TSV) and XLSX export never come here:
 * they keep plain numbers.
 */
let format: NumberFormat = DEFAULT_NUMBER_FORMAT;
let language: Language = 'en';
let style: NumberStyle = resolveStyle(format, language);
const listeners = new Set<() => void>();

function update(nextFormat: NumberFormat, nextLanguage: Language): void {
  const nextStyle = resolveStyle(nextFormat, nextLanguage);
  format = nextFormat;
  language = nextLanguage;
  if (nextStyle === style) return;
  style = nextStyle;
  for (const l of listeners) l();
}

export function setNumberFormat(next: NumberFormat): void {
  update(next, language);
}

export function setFormatLanguage(next: Language): void {
  update(format, next);
}

export function numberFormat(): NumberFormat {
  return format;
}

export function numberStyle(): NumberStyle {
  return style;
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => {
    listeners.delete(l);
  };
}

/** The style in effect; a component using it re-renders when the setting changes. */
export function useNumberStyle(): NumberStyle {
  return useSyncExternalStore(subscribe, numberStyle);
}

/** Display text of an amount of minor units in the chosen format ("1.234,56"; negatives "-1.234,56"). */
export function formatAmount(amount: number, digits = 2): string {
  return formatAmountIn(style, amount, digits);
}

/** Display an amount of minor units; zero shows as empty where `blankZero` (grids stay readable). */
export function money(amount: number, digits: number, blankZero = false): string {
  if (blankZero && amount === 0) return '';
  return formatAmount(amount, digits);
}

export function moneyIn(amount: number, currency: string, blankZero = false): string {
  return money(amount, currencyDigits(currency), blankZero);
}

/**
 * What an amount field sends to main: the typed text read in the chosen format as a plain decimal
 * string ("1.234,56" → "1234.56"). Text that cannot be read goes as typed, so main's validation
 * names the field and the value.
 */
export function amountInput(text: string): string {
  return readAmountIn(style, text) ?? text.trim();
}

/** Typed text to minor units in the chosen format (live totals, filters). */
export function parseAmountInput(text: string, digits: number): ParseMoneyResult {
  return parseAmountIn(style, text, digits);
}

/** An amount put into an input for editing: no grouping, the chosen decimal mark ("1234,50"). */
export function amountForInput(amount: number, digits: number): string {
  return amountForInputIn(style, amount, digits);
}

export function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'zh-Hans-CN', { numeric: true });
}
