/** 对账单: opening balance, every document of the month, closing balance, aging, and a tear-off slip. */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { labels } from './labels';
import { amountInWordsLine, contentWidth, dashedRule, fitsOnePage, GREY, gridLayout, letterhead, money, moneyWithCurrency, pageFrame, partiesAndFacts, signatureBox } from './layout';
import type { PaperImages, StatementPaper } from './types';
import { amountInWords } from './words';

const BUCKET_KEYS = ['not_due', 'd1_30', 'd31_60', 'd61_90', 'd91_180', 'd181_365', 'over_365'] as const;

export function statementDoc(p: StatementPaper, images: PaperImages): TDocumentDefinitions {
  const L = labels(p.language);
  const m = (n: number) => (n === 0 ? '' : money(n, p.digits));
  const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold, noWrap: true });
  const header: TableCell[] = [L.colDate, L.colType, L.colNumber, L.colDue, L.colDebit, L.colCredit, L.colBalance].map((h, i) => ({
    text: h,
    bold: true,
    noWrap: true,
    alignment: i >= 4 ? 'right' : 'left',
  }));
  const body: TableCell[][] = [
    header,
    [{ text: p.from, noWrap: true }, { text: L.opening, colSpan: 3, bold: true }, '', '', '', '', right(money(p.opening, p.digits), true)],
    ...p.lines.map((l): TableCell[] => [
      { text: l.date, noWrap: true },
      { text: L.kinds[l.kind] ?? l.kind, noWrap: true },
      l.number,
      { text: l.dueDate ?? '', noWrap: true },
      right(m(l.debit)),
      right(m(l.credit)),
      right(money(l.balance, p.digits)),
    ]),
  ];
  if (p.lines.length === 0) body.push([{ text: L.noActivity, colSpan: 7, color: GREY, alignment: 'center' }, '', '', '', '', '', '']);
  const debit = p.lines.reduce((s, l) => s + l.debit, 0);
  const credit = p.lines.reduce((s, l) => s + l.credit, 0);
  body.push([{ text: p.to, noWrap: true }, { text: L.closing, colSpan: 3, bold: true }, '', '', right(money(debit, p.digits), true), right(money(credit, p.digits), true), right(money(p.closing, p.digits), true)]);

  const aging: Content = {
    stack: [
      { text: L.agingTitle, bold: true, margin: [0, 10, 0, 3] },
      // Buckets in one table, totals in a second: ten columns of seven-figure amounts do not fit
      // across A4 or Letter (the last one ran off the page).
      {
        table: {
          widths: BUCKET_KEYS.map(() => '*' as const),
          body: [
            L.buckets.map((h) => ({ text: h, bold: true, alignment: 'right' as const, fontSize: 8 })),
            BUCKET_KEYS.map((k) => right(money(p.aging[k], p.digits))),
          ],
        },
        layout: gridLayout,
        fontSize: 8.5,
      },
      {
        columns: [
          { width: '*', text: '' },
          {
            width: 'auto',
            table: {
              widths: ['auto', 'auto', 'auto'],
              body: [
                [L.openInvoices, L.unapplied, L.net].map((h) => ({ text: h, bold: true, alignment: 'right' as const, fontSize: 8 })),
                [right(money(p.aging.total, p.digits)), right(money(p.aging.unapplied, p.digits)), right(money(p.aging.net, p.digits), true)],
              ],
            },
            layout: gridLayout,
            fontSize: 8.5,
          },
        ],
        margin: [0, 4, 0, 0],
      },
    ],
    unbreakable: true,
  };

  const width = contentWidth(p.paperSize);
  const slip: Content = {
    unbreakable: fitsOnePage(p.customer.name, p.company.name, p.customer.code),
    margin: [0, 14, 0, 0],
    stack: [
      { text: L.cutHere, fontSize: 7.5, color: GREY, alignment: 'center', margin: [0, 0, 0, 2] },
      dashedRule(width),
      {
        columns: [
          { text: L.slipTitle, fontSize: 13, bold: true },
          { text: `${L.no} ${p.number}`, alignment: 'right', bold: true },
        ],
        margin: [0, 6, 0, 4],
      },
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: [{ text: L.to + L.colon, color: GREY }, p.company.name] },
              { text: [{ text: L.from + L.colon, color: GREY }, `${p.customer.name} (${p.customer.code})`] },
              { text: [L.slipBalance(p.to) + L.colon, { text: moneyWithCurrency(p.closing, p), bold: true }], margin: [0, 3, 0, 0] },
              amountInWordsLine(L.amountInWords + L.colon, amountInWords(p.closing, p.currency, p.digits, p.language)),
              { text: `□  ${L.confirmed}`, margin: [0, 4, 0, 0] },
              { text: `□  ${L.disputed}`, margin: [0, 6, 0, 0] },
              { text: L.disputeReason, margin: [14, 6, 0, 0] },
              { text: '_'.repeat(60), margin: [14, 4, 0, 0], color: GREY },
            ],
          },
          {
            width: 170,
            stack: [
              signatureBox(L.customerSeal, [L.signature, L.signDate], null),
              { text: [{ text: L.returnBy + L.colon, color: GREY }, { text: p.returnBy, bold: true }], margin: [0, 6, 0, 0] },
            ],
          },
        ],
        columnGap: 12,
      },
    ],
  };

  const content: Content[] = [
    ...letterhead(p, images, L.statementTitle),
    { text: `${L.period}: ${p.from} — ${p.to}`, alignment: 'center', color: GREY, margin: [0, 0, 0, 4] },
    partiesAndFacts(
      p,
      [
        [L.no, p.number],
        [L.issuedOn, p.issuedOn],
        [L.currency, p.currency],
        [L.returnBy, p.returnBy],
      ],
      L.to,
      { ...p.customer },
    ),
    { text: L.statementIntro(p.to, p.returnBy), margin: [0, 0, 0, 8] },
    {
      table: { headerRows: 1, dontBreakRows: true, widths: ['auto', 'auto', '*', 'auto', 'auto', 'auto', 'auto'], body },
      layout: gridLayout,
      fontSize: 8.5,
    },
    amountInWordsLine(`${L.closing} · ${L.amountInWords}${L.colon}`, amountInWords(p.closing, p.currency, p.digits, p.language)),
    aging,
    slip,
  ];
  return pageFrame(p, content, L.statementTitle);
}
