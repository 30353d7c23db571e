/** Building blocks every paper shares: page geometry, letterhead with QR, parties, signatures, footer. */
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces';
import { formatMoney } from '../../shared/money';
import { labels } from './labels';
import type { PaperBase, PaperImages, PaperParty, PaperSize } from './types';

export const PAGE: Record<PaperSize, { size: 'A4' | 'LETTER'; width: number; height: number }> = {
  A4: { size: 'A4', width: 595.28, height: 841.89 },
  LETTER: { size: 'LETTER', width: 612, height: 792 },
};
export const MARGIN = { left: 48, right: 48, top: 44, bottom: 52 };

export function contentWidth(size: PaperSize): number {
  return PAGE[size].width - MARGIN.left - MARGIN.right;
}

export const money = (amount: number, digits: number) => formatMoney(amount, digits);
export const moneyWithCurrency = (amount: number, p: PaperBase) => `${p.currency} ${formatMoney(amount, p.digits)}`;

export const GREY = '#555555';
export const LINE = '#999999';

/** Thin horizontal rules, light header fill; what a bookkeeper expects of a ledger table. */
export const gridLayout = {
  hLineWidth: (i: number, node: ContentTable) => (i === 0 || i === 1 || i === node.table.body.length ? 0.8 : 0.3),
  vLineWidth: () => 0,
  hLineColor: (i: number) => (i <= 1 ? '#333333' : LINE),
  fillColor: (row: number) => (row === 0 ? '#eeeeee' : null),
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

export const boxLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => LINE,
  vLineColor: () => LINE,
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

function image(images: PaperImages, sha: string | null, fit: [number, number]): Content | null {
  if (!sha || !images[sha]) return null;
  return { image: `data:image/png;base64,${Buffer.from(images[sha]).toString('base64')}`, fit };
}

/** Company letterhead on the left, the QR code and paper number on the right, then the title. */
export function letterhead(p: PaperBase, images: PaperImages, title: string): Content[] {
  const L = labels(p.language);
  const logo = image(images, p.company.logoSha256, [90, 48]);
  const company: Content = {
    stack: [
      { text: p.company.name, fontSize: 13, bold: true },
      p.company.address ? { text: p.company.address, fontSize: 8.5, color: GREY } : '',
      p.company.taxId ? { text: `${L.taxId}: ${p.company.taxId}`, fontSize: 8.5, color: GREY } : '',
    ],
  };
  return [
    {
      columns: [
        ...(logo ? [{ width: 'auto' as const, stack: [logo], margin: [0, 0, 10, 0] as [number, number, number, number] }] : []),
        { width: '*', ...company },
        {
          width: 'auto',
          stack: [
            { qr: p.qr, fit: 62, alignment: 'right', margin: [0, 0, 0, 2] },
            { text: p.number, fontSize: 8, alignment: 'right', bold: true },
          ],
        },
      ],
      columnGap: 6,
    },
    { text: title, fontSize: 18, bold: true, alignment: 'center', margin: [0, 6, 0, 2] },
  ];
}

/** "To" block and a small key/value table of the paper's own facts, side by side. */
export function partiesAndFacts(p: PaperBase, facts: [string, string][], partyLabel: string, party: PaperParty & { code?: string }): Content {
  const L = labels(p.language);
  const who: Content[] = [
    { text: [{ text: partyLabel + L.colon, color: GREY }, { text: party.name, bold: true, fontSize: 10.5 }] },
    party.code ? { text: L.customerCode + L.colon + party.code, fontSize: 8.5, color: GREY } : '',
    party.address ? { text: L.address + L.colon + party.address, fontSize: 8.5 } : '',
    party.contact || party.phone ? { text: L.contact + L.colon + [party.contact, party.phone].filter(Boolean).join('  '), fontSize: 8.5 } : '',
  ];
  return {
    columns: [
      { width: '*', stack: who },
      {
        width: 200,
        table: { widths: [78, '*'], body: facts.map(([k, v]) => [{ text: k, color: GREY, fontSize: 8.5 }, { text: v, fontSize: 8.5, bold: true }]) },
        layout: 'noBorders',
      },
    ],
    columnGap: 12,
    margin: [0, 6, 0, 8],
  };
}

/** The paper's own facts in one line of label/value pairs. */
export function factsRow(facts: [string, string][]): Content {
  return {
    table: {
      widths: facts.map(() => '*' as const),
      body: [facts.map(([k, v]) => ({ stack: [{ text: k, color: GREY, fontSize: 7.5 }, { text: v, bold: true, fontSize: 9 }] }))],
    },
    layout: boxLayout,
    margin: [0, 4, 0, 0],
  };
}

/**
 * Whether a block holding these texts may be kept on one page (`unbreakable`). pdfmake keeps only
 * the first page of an unbreakable block that does not fit on one, so the rest (a slip, a
 * signature box with a name of thousands of characters) would silently vanish; such a block
 * flows over pages instead.
 */
export function fitsOnePage(...texts: string[]): boolean {
  return texts.reduce((n, t) => n + t.length, 0) <= 400;
}

/** A signature box: who signs, a seal image when we have the company's, lines to write on. */
export function signatureBox(title: string, lines: string[], seal: Content | null): Content {
  return {
    table: {
      widths: ['*'],
      body: [
        [
          {
            stack: [
              { text: title, bold: true, margin: [0, 0, 0, 4] },
              ...(seal ? [{ ...(seal as object), margin: [0, -4, 0, -40] as [number, number, number, number] } as Content] : [{ text: ' ', margin: [0, 8, 0, 0] as [number, number, number, number] }]),
              ...lines.map((l) => ({ text: `${l} ${'_'.repeat(14)}`, margin: [0, 8, 0, 0] as [number, number, number, number] })),
            ],
          },
        ],
      ],
    },
    layout: boxLayout,
    unbreakable: fitsOnePage(title),
  };
}

export function companySeal(p: PaperBase, images: PaperImages): Content | null {
  return image(images, p.company.sealSha256, [80, 80]);
}

export function amountInWordsLine(label: string, words: string): Content {
  return { text: [{ text: label, color: GREY }, { text: words, bold: true }], margin: [0, 4, 0, 4] };
}

export function dashedRule(width: number): Content {
  return { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, dash: { length: 4, space: 3 }, lineWidth: 0.6, lineColor: '#666666' }] };
}

/** Page geometry, styles and the footer (paper number, page x of y) common to every paper. */
export function pageFrame(p: PaperBase, content: Content[], title: string): TDocumentDefinitions {
  const L = labels(p.language);
  return {
    pageSize: PAGE[p.paperSize].size,
    pageMargins: [MARGIN.left, MARGIN.top, MARGIN.right, MARGIN.bottom],
    info: { title: `${title} ${p.number}`, author: p.company.name, subject: p.customer.name, keywords: p.qr },
    defaultStyle: { fontSize: 9.5, lineHeight: 1.2 },
    content,
    footer: (current: number, count: number) => ({
      margin: [MARGIN.left, 18, MARGIN.right, 0],
      columns: [
        { text: `${L.no} ${p.number}`, fontSize: 7.5, color: GREY },
        { text: L.page(current, count), fontSize: 7.5, color: GREY, alignment: 'center' },
        { text: `${p.customer.code} · ${p.issuedOn}`, fontSize: 7.5, color: GREY, alignment: 'right' },
      ],
    }),
  };
}
