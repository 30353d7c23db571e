import { money, useNumberStyle } from '../lib/format';

/** An amount in a grid or a figure: right-aligned by its cell, negatives marked; in the ledger's number format. */
export function Money(props: { amount: number; digits: number; blankZero?: boolean; className?: string }) {
  useNumberStyle(); // re-render when the number format changes
  const text = money(props.amount, props.digits, props.blankZero);
  return <span className={`money${props.amount < 0 ? ' negative' : ''} ${props.className ?? ''}`}>{text}</span>;
}
