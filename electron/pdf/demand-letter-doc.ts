/** 催款函: the overdue debts, interest to date, a deadline and what follows if it passes. */
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { dailyRate, labels } from './labels';
import { companySeal, gridLayout, letterhead, money, moneyWithCurrency, pageFrame, partiesAndFacts } from './layout';
import type { DemandLetterPaper, PaperImages } from './types';
import { amountInWords } from './words';

export function demandLetterDoc(p: DemandLetterPaper, images: PaperImages): TDocumentDefinitions {
  const L = labels(p.language);
  const right = (text: string, bold = false): TableCell => ({ text, alignment: 'right', bold, noWrap: true });
  const head: TableCell[] = [L.colNumber, L.colDate, L.colDue, L.colDaysOverdue, L.colOpen, L.colInterest].map((h, i) => ({ text: h, bold: true, noWrap: true, alignment: i >= 3 ? 'right' : 'left' }));
  const body: TableCell[][] = [
    head,
    ...p.items.map((it): TableCell[] => [it.number, { text: it.date, noWrap: true }, { text: it.dueDate, noWrap: true }, right(String(it.daysOverdue)), right(money(it.open, p.digits)), right(money(it.interest, p.digits))]),
    [{ text: L.total, colSpan: 4, bold: true, alignment: 'right' }, '', '', '', right(money(p.principal, p.digits), true), right(money(p.interest, p.digits), true)],
  ];
  const seal = companySeal(p, images);
  const content: Content[] = [
    ...letterhead(p, images, L.dlTitle),
    partiesAndFacts(
      p,
      [
        [L.no, p.number],
        [L.date, p.issuedOn],
        [L.currency, p.currency],
      ],
      L.to,
      { ...p.customer },
    ),
    { text: L.dlIntro(p.asOf, moneyWithCurrency(p.principal, p)), margin: [0, 0, 0, 6] },
    { table: { headerRows: 1, dontBreakRows: true, widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'], body }, layout: gridLayout, fontSize: 8.5 },
    {
      table: {
        widths: ['*', 'auto'],
        body: [
          [L.principal, right(moneyWithCurrency(p.principal, p))],
          [L.interestToDate, right(moneyWithCurrency(p.interest, p))],
          [{ text: L.totalDue, bold: true }, right(moneyWithCurrency(p.total, p), true)],
          [{ text: amountInWords(p.total, p.currency, p.digits, p.language), colSpan: 2, alignment: 'right', bold: true }, ''],
        ],
      },
      layout: 'noBorders',
      margin: [200, 6, 0, 4],
    },
    { text: L.interestNote(dailyRate(p.interestBpPerDay, p.language)), fontSize: 8.5, color: '#555555', margin: [0, 0, 0, 8] },
    { text: L.dlDemand(p.deadline, moneyWithCurrency(p.total, p)), bold: true, fontSize: 11, margin: [0, 0, 0, 6] },
    { text: L.dlConsequences, margin: [0, 0, 0, 6] },
    ...(p.evidence.length ? [{ text: `${L.dlEvidence} ${p.evidence.join(p.language === 'zh' ? '、' : ', ')}`, margin: [0, 0, 0, 6] } as Content] : []),
    { text: L.dlIgnore, margin: [0, 0, 0, 14] },
    { text: L.yoursFaithfully },
    {
      unbreakable: true,
      margin: [260, 14, 0, 0],
      stack: [
        { text: p.company.name, bold: true },
        ...(seal ? [seal] : [{ text: ' ', margin: [0, 30, 0, 0] } as Content]),
        { text: p.issuedOn },
      ],
    },
  ];
  return pageFrame(p, content, L.dlTitle);
}
