import { currencyDigits, formatMoney } from '../../../shared/money';

export { currencyDigits };

/** Display an amount of minor units; zero shows as empty where `blankZero` (grids stay readable). */
export function money(amount: number, digits: number, blankZero = false): string {
  if (blankZero && amount === 0) return '';
  return formatMoney(amount, digits);
}

export function moneyIn(amount: number, currency: string, blankZero = false): string {
  return money(amount, currencyDigits(currency), blankZero);
}

export function compareText(a: string, b: string): number {
  return a.localeCompare(b, 'zh-Hans-CN', { numeric: true });
}
