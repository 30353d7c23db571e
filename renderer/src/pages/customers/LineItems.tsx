import { lineAmount, parseQuantity } from '../../../../shared/money';
import { FieldError } from '../../components/Form';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n';
import { amountInput, parseAmountInput } from '../../lib/format';

export interface LineDraft {
  item: string;
  quantity: string;
  unitPrice: string;
}

export const emptyLine: LineDraft = { item: '', quantity: '1', unitPrice: '' };

/** Line amount in minor units, or null while the quantity or price does not parse. */
export function draftAmount(line: LineDraft, digits: number): number | null {
  const q = parseQuantity(amountInput(line.quantity));
  const p = parseAmountInput(line.unitPrice, digits);
  if (q === null || !p.ok) return null;
  return lineAmount(q, p.value);
}

/** A line as the API takes it: quantity and price typed in the chosen number format, sent as plain decimals. */
export function lineForApi(line: LineDraft): LineDraft {
  return { item: line.item, quantity: amountInput(line.quantity), unitPrice: amountInput(line.unitPrice) };
}

export function isBlankLine(line: LineDraft): boolean {
  return !line.item.trim() && !line.unitPrice.trim();
}

/** The invoice's item grid with a live total; errors from the API appear in the cell at fault. */
export function LineItems(props: { lines: LineDraft[]; digits: number; onChange(lines: LineDraft[]): void }) {
  const { t } = useI18n();
  const { lines, digits } = props;
  const set = (i: number, patch: Partial<LineDraft>) => props.onChange(lines.map((l, j) => (i === j ? { ...l, ...patch } : l)));
  const total = lines.reduce((sum, l) => sum + (draftAmount(l, digits) ?? 0), 0);
  return (
    <div className="line-items">
      <table>
        <thead>
          <tr>
            <th className="col-item">{t('invoice.item')}</th>
            <th className="num">{t('invoice.quantity')}</th>
            <th className="num">{t('invoice.unitPrice')}</th>
            <th className="num">{t('invoice.lineAmount')}</th>
            <th aria-label={t('common.remove')} />
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => {
            const amount = draftAmount(line, digits);
            return (
              <tr key={i}>
                <td>
                  <input name={`lines.${i}.item`} aria-label={t('invoice.item')} value={line.item} onChange={(e) => set(i, { item: e.target.value })} />
                  <FieldError name={`lines.${i}.item`} />
                </td>
                <td>
                  <input
                    name={`lines.${i}.quantity`}
                    aria-label={t('invoice.quantity')}
                    className="num"
                    inputMode="decimal"
                    value={line.quantity}
                    onChange={(e) => set(i, { quantity: e.target.value })}
                  />
                  <FieldError name={`lines.${i}.quantity`} />
                </td>
                <td>
                  <input
                    name={`lines.${i}.unitPrice`}
                    aria-label={t('invoice.unitPrice')}
                    className="num"
                    inputMode="decimal"
                    value={line.unitPrice}
                    onChange={(e) => set(i, { unitPrice: e.target.value })}
                  />
                  <FieldError name={`lines.${i}.unitPrice`} />
                </td>
                <td className="num">{amount === null ? '' : <Money amount={amount} digits={digits} />}</td>
                <td>
                  {lines.length > 1 && (
                    <button type="button" className="link-button" aria-label={t('common.remove')} onClick={() => props.onChange(lines.filter((_, j) => j !== i))}>
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
            <td>
              <button type="button" className="link-button" onClick={() => props.onChange([...lines, emptyLine])}>
                + {t('invoice.addLine')}
              </button>
            </td>
            <td />
            <th className="num">{t('invoice.total')}</th>
            <td className="num total" data-testid="invoice-total">
              <Money amount={total} digits={digits} />
            </td>
            <td />
          </tr>
        </tfoot>
      </table>
      <FieldError name="lines" />
    </div>
  );
}
