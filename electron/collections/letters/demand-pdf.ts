/** The formal demand letter (催款函) as a PDF, built in main from the case's figures. */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Language } from '../../../shared/domain';
import { renderPdf } from '../../pdf/render';
import { tableLayout } from '../export/pdf-style';
import type { LetterFacts } from './templates';

const WORDS = {
  en: {
    title: 'LETTER OF DEMAND',
    to: 'To',
    from: 'From',
    date: 'Date',
    intro: (f: LetterFacts) =>
      `According to our records, the following invoices issued by ${f.company} to your company remain unpaid as of ${f.asOf}, although they have fallen due:`,
    cols: ['Invoice', 'Date', 'Due date', 'Days overdue', 'Unpaid', 'Interest'],
    principal: 'Principal',
    interest: (r: string) => `Late interest (${r}% a year, simple, 365-day basis, rounded half away from zero per invoice)`,
    fees: 'Fees',
    total: 'Total claimed',
    demand: (f: LetterFacts) =>
      `We hereby formally demand payment of the total above by ${f.deadline}. Interest continues to accrue until payment. If payment is not received by that date, we will refer the matter to our lawyers and take legal action without further notice, claiming the principal, interest and all costs.`,
    dispute: 'If you dispute any item, notify us in writing before the date above, naming the invoice and the reason.',
    sign: 'For and on behalf of',
  },
  zh: {
    title: '催 款 函',
    to: '致',
    from: '发函单位',
    date: '日期',
    intro: (f: LetterFacts) => `根据我司账目，截至 ${f.asOf}，${f.company}向贵司开具的下列发票均已到期，但至今尚未付清：`,
    cols: ['发票号', '开票日期', '到期日', '逾期天数', '未付金额', '逾期利息'],
    principal: '本金合计',
    interest: (r: string) => `逾期利息（年利率 ${r}%，单利，按 365 天计，每张发票四舍五入至分）`,
    fees: '费用',
    total: '合计应付',
    demand: (f: LetterFacts) =>
      `特此正式函告：请贵司于 ${f.deadline} 前付清上述全部款项。逾期利息计至实际付清之日。如届时仍未付款，我司将委托律师依法追讨，不再另行通知，并主张本金、利息及全部费用。`,
    dispute: '如对上述款项有异议，请于上述日期前书面告知具体发票及理由。',
    sign: '发函单位（盖章）',
  },
};

export function demandLetterDefinition(f: LetterFacts, lang: Language): TDocumentDefinitions {
  const W = WORDS[lang];
  const right = (text: string): Content => ({ text, alignment: 'right' });
  const body: Content[][] = [
    W.cols.map((c, i) => ({ text: c, bold: true, alignment: i >= 3 ? 'right' : 'left' }) as Content),
    ...f.invoices.map((i) => [i.number, i.date, i.dueDate, right(String(i.daysOverdue)), right(f.fmt(i.open)), right(f.fmt(i.interest))]),
  ];
  const sum = (label: string, amount: number, bold = false): Content[] => [
    { text: label, colSpan: 5, alignment: 'right', bold } as Content,
    '',
    '',
    '',
    '',
    { text: `${f.currency} ${f.fmt(amount)}`, alignment: 'right', bold },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    defaultStyle: { fontSize: 10, lineHeight: 1.25 },
    content: [
      { text: f.company, fontSize: 13, bold: true },
      f.companyAddress ? { text: f.companyAddress, fontSize: 9, color: '#555555' } : '',
      { text: W.title, fontSize: 18, bold: true, alignment: 'center', margin: [0, 18, 0, 14] },
      { columns: [{ text: `${W.to}: ${f.customer}${f.contact ? ` (${f.contact})` : ''}` }, { text: `${W.date}: ${f.asOf}`, alignment: 'right' }] },
      { text: W.intro(f), margin: [0, 12, 0, 8] },
      { table: { headerRows: 1, widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'], body }, layout: tableLayout },
      {
        table: {
          widths: ['*', 'auto', 'auto', 'auto', 'auto', 'auto'],
          body: [sum(W.principal, f.principal), sum(W.interest(f.ratePercent), f.interest), ...(f.fees ? [sum(W.fees, f.fees)] : []), sum(W.total, f.principal + f.interest + f.fees, true)],
        },
        layout: 'noBorders',
        margin: [0, 4, 0, 10],
      },
      { text: W.demand(f), margin: [0, 4, 0, 6] },
      { text: W.dispute, margin: [0, 0, 0, 24] },
      { text: W.sign, alignment: 'right' },
      { text: f.company, alignment: 'right', bold: true, margin: [0, 4, 0, 0] },
      { text: f.asOf, alignment: 'right' },
    ],
  };
}

export async function demandLetterPdf(f: LetterFacts, lang: Language, at: Date): Promise<Buffer> {
  return (await renderPdf(demandLetterDefinition(f, lang), at)).pdf;
}
