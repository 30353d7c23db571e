/** The goods table shared by the price confirmation and the IOU: item, spec, unit, quantity, price, amount. */
import type { Content, TableCell } from 'pdfmake/interfaces';
import { toDecimalString } from '../../shared/money';
import { labels } from './labels';
import { gridLayout, money } from './layout';
import type { GoodsLine, PaperBase } from './types';

/** 1500 thousandths print as 1.5, 2000 as 2. */
export function quantityText(milli: number): string {
  return toDecimalString(milli, 3).replace(/\.?0+$/, '');
}

export function goodsTable(p: PaperBase, lines: GoodsLine[], total: number): Content {
  const L = labels(p.language);
  const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold, noWrap: true });
  const head: TableCell[] = ['#', L.colItem, L.colSpec, L.colUnit, L.colQty, L.colPrice, L.colAmount].map((h, i) => ({ text: h, bold: true, noWrap: true, alignment: i >= 4 ? 'right' : 'left' }));
  const body: TableCell[][] = [
    head,
    ...lines.map((l, i): TableCell[] => [
      { text: String(i + 1), color: '#555555' },
      l.item,
      l.spec,
      l.unit,
      right(quantityText(l.quantityMilli)),
      right(money(l.unitPrice, p.digits)),
      right(money(l.amount, p.digits)),
    ]),
    [{ text: L.total, colSpan: 6, bold: true, alignment: 'right' }, '', '', '', '', '', right(`${p.currency} ${money(total, p.digits)}`, true)],
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: ['auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'], body },
    layout: gridLayout,
    fontSize: 8.5,
  };
}

/** The six questions' answers that matter on paper, two to a row: who accepts, by what criteria, how and who pays. */
export function acceptanceTable(p: PaperBase, q: { acceptancePerson: string; acceptanceCriteria: string; paymentMethod: string; paymentResponsible: string }): Content {
  const L = labels(p.language);
  const label = (text: string) => ({ text, color: '#555555', noWrap: true });
  const value = (text: string) => ({ text: text || '—' });
  return {
    table: {
      widths: ['auto', '*', 'auto', '*'],
      body: [
        [label(L.acceptancePerson), value(q.acceptancePerson), label(L.paymentMethod), value(q.paymentMethod)],
        [label(L.paymentResponsible), value(q.paymentResponsible), label(L.acceptanceCriteria), value(q.acceptanceCriteria)],
      ],
    },
    layout: { ...gridLayout, fillColor: () => null, hLineWidth: () => 0.3 },
    fontSize: 9,
  };
}
