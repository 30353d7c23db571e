/** 欠款确认书（欠条）: the debtor acknowledges the amount of one delivery on credit and when it is due. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { acceptanceTable, goodsTable } from './goods';
import { dailyRate, labels } from './labels';
import { boxLayout, companySeal, factsRow, fitsOnePage, GREY, letterhead, moneyWithCurrency, pageFrame, signatureBox } from './layout';
import type { IouPaper, PaperImages } from './types';
import { amountInWords } from './words';

export function iouDoc(p: IouPaper, images: PaperImages): TDocumentDefinitions {
  const L = labels(p.language);
  const words = amountInWords(p.amount, p.currency, p.digits, p.language);
  const body = L.iouBody({
    customer: p.customer.name,
    company: p.company.name,
    invoice: p.invoice.number,
    invoiceDate: p.invoice.date,
    amount: moneyWithCurrency(p.amount, p),
    words,
    due: p.dueDate,
    rate: dailyRate(p.interestBpPerDay, p.language),
    pc: p.priceConfirmationNumber,
  });
  // The acknowledgement and both signatures stay on the first page; the goods follow as an annex.
  const content: Content[] = [
    ...letterhead(p, images, L.iouTitle),
    factsRow([
      [L.no, p.number],
      [L.issuedOn, p.issuedOn],
      [L.dueDate, p.dueDate],
      [L.returnBy, p.returnBy],
    ]),
    { text: [{ text: L.to + L.colon, color: GREY }, { text: p.company.name, bold: true }], margin: [0, 6, 0, 4] },
    { text: body, fontSize: 10.5, lineHeight: 1.45, margin: [0, 0, 0, 8] },
    {
      table: {
        widths: ['auto', '*'],
        body: [
          [{ text: L.amountOwed, color: GREY }, { text: moneyWithCurrency(p.amount, p), bold: true, fontSize: 13 }],
          [{ text: L.amountInWords, color: GREY }, { text: words, bold: true, fontSize: 11 }],
          [{ text: L.dueDate, color: GREY }, { text: p.dueDate, bold: true }],
        ],
      },
      layout: boxLayout,
      margin: [0, 0, 0, 8],
    },
    { text: L.sixQuestions, bold: true, margin: [0, 0, 0, 3] },
    acceptanceTable(p, p),
    {
      columns: [
        signatureBox(`${L.debtor}${L.colon}${p.customer.name}`, [L.debtorSign, L.idNumber, L.phone, L.signDate], null),
        signatureBox(`${L.creditor}${L.colon}${p.company.name}`, [L.authorised, L.signDate], companySeal(p, images)),
      ],
      columnGap: 14,
      margin: [0, 12, 0, 0],
      unbreakable: fitsOnePage(p.customer.name, p.company.name),
    },
    ...(p.lines.length
      ? [
          { text: `${L.goods}${L.colon}${p.invoice.number} · ${p.invoice.date} · ${moneyWithCurrency(p.invoice.amount, p)}`, bold: true, margin: [0, 14, 0, 3] } as Content,
          goodsTable(p, p.lines, p.invoice.amount),
        ]
      : []),
  ];
  return pageFrame(p, content, L.iouTitle);
}
