import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { lineAmount, parseQuantity } from '../../../../shared/money';
import { FieldError } from '../../components/Form';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { amountInput, parseAmountInput } from '../../lib/format';

export interface PcLineDraft {
  item: string;
  spec: string;
  unit: string;
  quantity: string;
  unitPrice: string;
}

export const emptyPcLine: PcLineDraft = { item: '', spec: '', unit: '', quantity: '', unitPrice: '' };
const COLS = ['item', 'spec', 'unit', 'quantity', 'unitPrice'] as const;

export function pcLineAmount(l: PcLineDraft, digits: number): number | null {
  const q = parseQuantity(amountInput(l.quantity));
  const p = parseAmountInput(l.unitPrice, digits);
  return q === null || !p.ok ? null : lineAmount(q, p.value);
}

/** A line as the API takes it: quantity and price typed in the chosen number format, sent as plain decimals. */
export function pcLineForApi(l: PcLineDraft): PcLineDraft {
  return { ...l, quantity: amountInput(l.quantity), unitPrice: amountInput(l.unitPrice) };
}

export const isBlankPcLine = (l: PcLineDraft) => COLS.every((c) => !l[c].trim());

/**
 * The item grid, typed like a spreadsheet: Enter moves to the next cell, Enter on the last cell
 * of the last line adds a line, arrows up/down move between lines, Ctrl+Delete removes a line.
 */
export function PcItemGrid(props: { lines: PcLineDraft[]; digits: number; currency: string; onChange(lines: PcLineDraft[]): void }) {
  const { t } = useI18n();
  const table = useRef<HTMLTableElement>(null);
  const pending = useRef<[number, number] | null>(null);
  const { lines, digits } = props;
  const cell = (row: number, col: number) => table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
  // Focus moves at once when the cell exists (typing never lands in the previous cell); a cell of
  // a line just added is focused as soon as React has rendered it.
  const focus = (row: number, col: number) => {
    const el = cell(row, col);
    if (el && row < lines.length) el.focus();
    else pending.current = [row, col];
  };
  useLayoutEffect(() => {
    if (!pending.current) return;
    const [row, col] = pending.current;
    pending.current = null;
    cell(row, col)?.focus();
  });
  const set = (i: number, patch: Partial<PcLineDraft>) => props.onChange(lines.map((l, j) => (i === j ? { ...l, ...patch } : l)));
  const onKey = (e: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (col < COLS.length - 1) focus(row, col + 1);
      else if (row < lines.length - 1) focus(row + 1, 0);
      else {
        props.onChange([...lines, emptyPcLine]);
        focus(row + 1, 0);
      }
    } else if (e.key === 'ArrowDown' && row < lines.length - 1) {
      e.preventDefault();
      focus(row + 1, col);
    } else if (e.key === 'ArrowUp' && row > 0) {
      e.preventDefault();
      focus(row - 1, col);
    } else if (e.key === 'Delete' && e.ctrlKey && lines.length > 1) {
      e.preventDefault();
      props.onChange(lines.filter((_, j) => j !== row));
      focus(Math.max(0, row - 1), col);
    }
  };
  const total = lines.reduce((s, l) => s + (pcLineAmount(l, digits) ?? 0), 0);
  return (
    <div className="line-items pc-items">
      <table ref={table}>
        <thead>
          <tr>
            <th className="num">#</th>
            <th className="col-item">{t('doc.pc.item')}</th>
            <th>{t('doc.pc.spec')}</th>
            <th>{t('doc.pc.unit')}</th>
            <th className="num">{t('doc.pc.quantity')}</th>
            <th className="num">{t('doc.pc.unitPrice')}</th>
            <th className="num">{t('doc.pc.amount')}</th>
            <th aria-label={t('common.remove')} />
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => {
            const amount = pcLineAmount(line, digits);
            return (
              <tr key={i}>
                <td className="num muted">{i + 1}</td>
                {COLS.map((c, j) => (
                  <td key={c} className={c === 'unit' ? 'pc-unit' : c === 'spec' ? 'pc-spec' : undefined}>
                    <input
                      name={`lines.${i}.${c}`}
                      data-row={i}
                      data-col={j}
                      aria-label={`${t(`doc.pc.${c}`)} ${i + 1}`}
                      className={c === 'quantity' || c === 'unitPrice' ? 'num' : undefined}
                      inputMode={c === 'quantity' || c === 'unitPrice' ? 'decimal' : undefined}
                      value={line[c]}
                      onChange={(e) => set(i, { [c]: e.target.value })}
                      onKeyDown={(e) => onKey(e, i, j)}
                    />
                    <FieldError name={`lines.${i}.${c}`} />
                  </td>
                ))}
                <td className="num">{amount === null ? '' : <Money amount={amount} digits={digits} />}</td>
                <td>
                  {lines.length > 1 && (
                    <button type="button" className="link-button" tabIndex={-1} aria-label={t('common.remove')} onClick={() => props.onChange(lines.filter((_, j) => j !== i))}>
                      ×
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td colSpan={4}>
              <button type="button" className="link-button" onClick={() => (props.onChange([...lines, emptyPcLine]), focus(lines.length, 0))}>
                + {t('doc.pc.addLine')}
              </button>
              <span className="muted pc-keys">{t('doc.pc.keys')}</span>
            </td>
            <th className="num">{t('doc.pc.total')}</th>
            <td className="num total" data-testid="pc-total">
              {props.currency} <Money amount={total} digits={digits} />
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <FieldError name="lines" />
    </div>
  );
}
