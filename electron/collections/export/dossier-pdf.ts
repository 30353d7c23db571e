/**
 * The dossier: one PDF a lawyer can read top to bottom: parties, claim, terms, limitation,
 * timeline, statement and promise history, the evidence list (证据目录) and documents issued.
 */
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { CaseDetail } from '../../../shared/api/collections-types';
import type { Company, Language } from '../../../shared/domain';
import { formatMoney } from '../../../shared/money';
import { renderPdf } from '../../pdf/render';
import { formatRatePercent } from '../interest';
import type { CustomerPaper } from '../papers-bridge';
import { describeEntry } from './describe';
import { dossierWords, ENUM_WORDS } from './dossier-words';
import { tableLayout } from './pdf-style';

export interface DossierData {
  company: Company;
  detail: CaseDetail;
  asOf: string;
  generatedAt: string;
  limitationYears: number;
  evidenceFiles: Map<number, string>;
  documents: { index: string; kind: string; label: string; date: string; path: string; sha256: string }[];
  papers: CustomerPaper[];
  sixQuestions: Map<number, { method: string; responsible: string; acceptance: string }>;
}

export function dossierDefinition(d: DossierData, lang: Language): TDocumentDefinitions {
  const W = dossierWords(lang);
  const E = ENUM_WORDS[lang];
  const c = d.detail;
  const m = (v: number) => formatMoney(v, c.digits);
  const r = (text: string, extra: Record<string, unknown> = {}): Content => ({ text, alignment: 'right', ...extra }) as Content;
  const h = (text: string): Content => ({ text, style: 'h', margin: [0, 14, 0, 6] });
  const table = (widths: (string | number)[], head: string[], rows: Content[][], fontSize = 8.5): Content => ({
    table: { headerRows: 1, widths, body: [head.map((x) => ({ text: x, bold: true })), ...rows], dontBreakRows: true },
    layout: tableLayout,
    fontSize,
  });
  const kv = (pairs: [string, string][]): Content => ({
    table: { widths: [110, '*'], body: pairs.filter(([, v]) => v).map(([k, v]) => [{ text: k, color: '#555555' }, v]) },
    layout: 'noBorders',
    fontSize: 9,
  });
  const claim = c.claimDetail;
  const contacts = Object.entries(c.customer.contacts)
    .filter(([, v]) => v.name || v.phone || v.email || v.address)
    .map(([role, v]) => [W.contactRole[role] ?? role, [v.name, v.phone, v.email, v.address].filter(Boolean).join(' · ')] as [string, string]);

  const content: Content[] = [
    { text: W.title, fontSize: 18, bold: true },
    { text: `${c.customerName}`, fontSize: 13, margin: [0, 4, 0, 0] },
    { text: W.subtitle(c.customerCode, d.asOf), color: '#555555', margin: [0, 2, 0, 0] },
    { text: `${W.preparedBy}: ${d.company.name} · ${W.generated}: ${d.generatedAt}`, color: '#555555', fontSize: 9, margin: [0, 2, 0, 0] },

    h(W.s1),
    { columns: [
      { stack: [{ text: W.creditor, bold: true, margin: [0, 0, 0, 3] }, kv([[W.name, d.company.name], [W.address, d.company.address], [W.taxId, d.company.taxId]])] },
      { stack: [{ text: W.debtor, bold: true, margin: [0, 0, 0, 3] }, kv([[W.name, c.customerName], [W.code, c.customerCode], ...contacts])] },
    ], columnGap: 16 },
    kv([[W.salesperson, c.salesperson], [W.owner, c.owner], [W.stage, E[c.stage] ?? c.stage], [W.debtorType, c.debtorType ? E[c.debtorType] : '']]),

    h(W.s2),
    table(
      ['*', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto', 'auto'],
      W.cols,
      claim.lines.map((l) => [l.number, l.date, l.dueDate, r(m(l.amount)), r(m(l.open)), r(String(l.daysOverdue)), r(m(l.interest)), l.disputed ? `${W.disputed}: ${l.disputeReason ?? ''}` : '']),
    ),
    {
      table: { widths: ['*', 'auto'], body: [
        [r(W.principal), r(`${c.currency} ${m(claim.principal)}`)],
        [r(W.interest), r(`${c.currency} ${m(claim.interest)}`)],
        [r(W.fees), r(`${c.currency} ${m(claim.fees)}`)],
        [r(W.total, { bold: true }), r(`${c.currency} ${m(claim.total)}`, { bold: true })],
      ] },
      layout: 'noBorders',
      margin: [0, 4, 0, 4],
    },
    { text: W.interestNote(formatRatePercent(claim.ratePpm), claim.rateIsContract), fontSize: 8.5, color: '#555555' },

    h(W.s3),
    kv([
      [W.terms, W.termsDays(c.customer.paymentTermsDays)],
      [W.creditLimit, `${c.currency} ${m(c.customer.creditLimit)}`],
      [W.currency, c.currency],
      [W.rate, `${formatRatePercent(claim.ratePpm)}%`],
    ]),
    ...sixQuestionsTable(d, W, table),

    h(W.s4),
    { text: W.limNote(d.limitationYears), fontSize: 8.5, color: '#555555', margin: [0, 0, 0, 4] },
    table(
      ['*', 'auto', 'auto', '*', 'auto', 'auto'],
      W.limCols,
      claim.lines.map((l) => [
        l.number,
        l.dueDate,
        l.limitation.restartedBy.date,
        `${W.limKind[l.limitation.restartedBy.kind]}${l.limitation.restartedBy.label ? `: ${l.limitation.restartedBy.label}` : ''}`,
        l.limitation.expires,
        { text: W.limState[l.limitation.state], bold: l.limitation.state !== 'ok', color: l.limitation.state === 'expired' ? '#b00020' : undefined } as Content,
      ]),
    ),

    h(W.s5),
    table(
      [54, 74, 66, '*', 62, 44],
      W.tlCols,
      c.timeline.map((t) => {
        const { what, text } = describeEntry(t, lang, m);
        return [
          { text: t.date, noWrap: true } as Content,
          { text: what, noWrap: false } as Content,
          [t.channel ? E[t.channel] : '', t.person].filter(Boolean).join(' · '),
          text + (t.correctedBy ? ` [${W.corrected}]` : '') + (t.kind === 'correction' && t.refId ? ` [${W.corrects}]` : ''),
          r(t.amount !== null ? m(t.amount) : '', { noWrap: true }),
          { text: t.by, fontSize: 7 } as Content,
        ];
      }),
      8,
    ),

    h(W.s6),
    { text: W.statements, bold: true, margin: [0, 0, 0, 3] },
    ...statementList(d, W),
    { text: W.promises, bold: true, margin: [0, 8, 0, 3] },
    c.promises.length
      ? table(
          ['auto', 'auto', 'auto', '*', 'auto', 'auto', 'auto'],
          W.prCols,
          c.promises.map((p) => [p.madeOn, p.dueDate, r(m(p.amount)), p.promisedBy, E[p.how], r(m(p.received)), E[p.status]]),
        )
      : { text: W.noPromises, color: '#555555' },

    h(W.s7),
    c.evidence.length
      ? table(
          [28, '*', 52, '*', 90, 95],
          W.evCols,
          c.evidence.map((e) => [`E${pad(e.seq)}`, e.description, e.date, e.proves, d.evidenceFiles.get(e.id) ?? '', { text: e.sha256, fontSize: 6.5 }]),
        )
      : { text: W.noEvidence, color: '#555555' },

    h(W.s8),
    d.documents.length
      ? table(
          [28, 70, 52, '*', 95],
          W.docCols,
          d.documents.map((x) => [x.index, [x.kind, x.label].filter(Boolean).join(' '), { text: x.date, noWrap: true } as Content, x.path, { text: x.sha256, fontSize: 6.5 }]),
        )
      : { text: W.noDocs, color: '#555555' },
    { text: W.verify, fontSize: 8.5, color: '#555555', margin: [0, 12, 0, 0] },
  ];
  return {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 48],
    defaultStyle: { fontSize: 9.5, lineHeight: 1.2 },
    styles: { h: { fontSize: 12, bold: true } },
    content,
    footer: (page: number, pages: number) => ({
      columns: [{ text: `${c.customerCode} · ${d.asOf}`, color: '#777777' }, { text: W.page(page, pages), alignment: 'right', color: '#777777' }],
      fontSize: 8,
      margin: [40, 16, 40, 0],
    }),
  };
}

export const pad = (n: number) => String(n).padStart(2, '0');

function sixQuestionsTable(d: DossierData, W: ReturnType<typeof dossierWords>, table: (w: (string | number)[], h: string[], rows: Content[][]) => Content): Content[] {
  const rows = d.detail.claimDetail.lines
    .map((l) => ({ l, q: d.sixQuestions.get(l.invoiceId) }))
    .filter((x) => x.q && (x.q.method || x.q.responsible || x.q.acceptance))
    .map(({ l, q }) => [l.number, q!.method, q!.responsible, q!.acceptance] as Content[]);
  if (!rows.length) return [];
  return [{ text: W.sixQ, bold: true, margin: [0, 6, 0, 3] }, table(['auto', '*', '*', '*'], [W.cols[0], ...W.sixQ.split(' / ')], rows)];
}

function statementList(d: DossierData, W: ReturnType<typeof dossierWords>): Content[] {
  const papers = d.papers.filter((p) => p.kind === 'statement' || p.kind === 'iou');
  const signed = d.detail.evidence.filter((e) => e.kind === 'signed_statement' || e.kind === 'iou');
  if (!papers.length && !signed.length) return [{ text: W.noStatements, color: '#555555' }];
  const m = (v: number) => formatMoney(v, d.detail.digits);
  const rows: Content[][] = [
    ...papers.map((p) => [p.number, p.period ?? '', p.issuedOn, { text: m(p.amount), alignment: 'right' } as Content, p.voided ? W.stVoid : p.signBack ? `${W.stStatus[p.signBack.outcome] ?? p.signBack.outcome} ${p.signBack.returnedOn}${p.signBack.signedBy ? ` · ${p.signBack.signedBy}` : ''}` : W.stAwaiting]),
    ...signed.map((e) => [`E${pad(e.seq)}`, '', e.date, '', e.description]),
  ];
  return [{ table: { headerRows: 1, widths: ['auto', 'auto', 'auto', 'auto', '*'], body: [W.stCols.map((x) => ({ text: x, bold: true })), ...rows] }, layout: tableLayout, fontSize: 8.5 }];
}

export async function dossierPdf(d: DossierData, lang: Language, at: Date): Promise<Buffer> {
  return (await renderPdf(dossierDefinition(d, lang), at)).pdf;
}
