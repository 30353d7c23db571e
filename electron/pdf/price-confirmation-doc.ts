/** 供货价格确认书: items and prices the customer signs before goods ship, with payment terms and interest. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { acceptanceTable, goodsTable } from './goods';
import { dailyRate, labels } from './labels';
import { amountInWordsLine, companySeal, fitsOnePage, letterhead, pageFrame, partiesAndFacts, signatureBox } from './layout';
import type { PaperImages, PriceConfirmationPaper } from './types';
import { amountInWords } from './words';

export function priceConfirmationDoc(p: PriceConfirmationPaper, images: PaperImages): TDocumentDefinitions {
  const L = labels(p.language);
  const terms: string[] = [
    `${L.deliveryDate}${L.colon}${p.deliveryDate ?? '—'}${p.deliveryAddress ? `；${L.deliveryAddress}${L.colon}${p.deliveryAddress}` : ''}`,
    `${L.paymentTerms}${L.colon}${p.paymentTerms || '—'}${p.paymentDeadline ? `；${L.paymentDeadline}${L.colon}${p.paymentDeadline}` : ''}`,
    L.lateInterest(dailyRate(p.interestBpPerDay, p.language)),
    L.pcPrices,
    L.pcEffect,
  ];
  if (p.language === 'en') terms.forEach((t, i) => (terms[i] = t.replace(/；/g, '; ')));
  const content: Content[] = [
    ...letterhead(p, images, L.pcTitle),
    partiesAndFacts(
      p,
      [
        [L.no, p.number],
        [L.date, p.date],
        [L.currency, p.currency],
      ],
      L.buyer,
      { ...p.customer },
    ),
    { text: L.pcIntro, margin: [0, 0, 0, 6] },
    goodsTable(p, p.lines, p.total),
    amountInWordsLine(L.amountInWords + L.colon, amountInWords(p.total, p.currency, p.digits, p.language)),
    { text: L.terms, bold: true, margin: [0, 8, 0, 3] },
    { ol: terms, fontSize: 9, margin: [0, 0, 0, 4] },
    { text: L.sixQuestions, bold: true, margin: [0, 4, 0, 3] },
    acceptanceTable(p, p),
    ...(p.notes ? [{ text: [{ text: L.notes + L.colon, bold: true }, p.notes], margin: [0, 6, 0, 0] } as Content] : []),
    {
      columns: [
        signatureBox(`${L.supplierSeal}  ${p.company.name}`, [L.authorised, L.signDate], companySeal(p, images)),
        signatureBox(`${L.buyerSeal}  ${p.customer.name}`, [L.authorised, L.signDate], null),
      ],
      columnGap: 14,
      margin: [0, 10, 0, 0],
      unbreakable: fitsOnePage(p.customer.name, p.company.name),
    },
  ];
  return pageFrame(p, content, L.pcTitle);
}
